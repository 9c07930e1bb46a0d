using System;
using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Core.KeyTables;

namespace SecureOta.Device.Core.Envelopes
{
    /// <summary>
    /// The threshold rule of docs/PROTOCOL.md section 4: a role is satisfied when at least its
    /// threshold of DISTINCT key ids each have a signature that verifies over PAE. Signatures by ids
    /// outside the role are ignored and never verified; once a key id has counted, its other
    /// signatures are skipped, so one key can never count twice. Work is bounded: each of at most 16
    /// signatures is verified at most once, and verification stops once the threshold is reached.
    /// </summary>
    public static class SignatureThreshold
    {
        /// <summary>Number of distinct role keys with a valid signature, counting no further than the threshold.</summary>
        public static int CountValidKeys(SignedEnvelope envelope, SigningRole role)
        {
            if (envelope == null) throw new ArgumentNullException("envelope");
            if (role == null) throw new ArgumentNullException("role");

            // The parser decoded the payload into PAE(payloadType, payload) already: no copy to make here.
            byte[] message = envelope.Message;
            int valid = 0;
            for (int key = 0; key < role.KeyCount && valid < role.Threshold; key++)
            {
                if (HasValidSignature(envelope, role.GetKeyId(key), role.GetPublicKey(key), message, role.PreparedKeys)) valid++;
            }
            return valid;
        }

        /// <summary>True when the envelope satisfies the role's threshold.</summary>
        public static bool IsMet(SignedEnvelope envelope, SigningRole role)
        {
            return CountValidKeys(envelope, role) >= role.Threshold;
        }

        private static bool HasValidSignature(SignedEnvelope envelope, string keyId, byte[] publicKey, byte[] message, PreparedKeyStore store)
        {
            for (int i = 0; i < envelope.SignatureCount; i++)
            {
                EnvelopeSignature signature = envelope.GetSignature(i);
                if (signature.KeyId != keyId) continue;
                if (Ed25519.Verify(publicKey, signature.Signature, message, 0, message.Length, store)) return true;
            }
            return false;
        }
    }
}
