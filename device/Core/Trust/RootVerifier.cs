using System;
using SecureOta.Device.Core.Envelopes;

namespace SecureOta.Device.Core.Trust
{
    /// <summary>
    /// Root rotation (docs/PROTOCOL.md sections 5 and 9): accepts root N+1 only when the trusted
    /// root N's root role and the new root's own root role both signed it and its version is N+1.
    /// Each step R1-R8 is one method, run in order; the first failure stops. Pure: bytes in,
    /// a verified <see cref="TrustedRoot"/> or a <see cref="VerificationFailure"/> out.
    /// </summary>
    public static class RootVerifier
    {
        /// <summary>DSSE payload type of root metadata.</summary>
        public const string PayloadType = "application/vnd.secureota.root+json";

        /// <summary>
        /// Largest root envelope (section 11): 20 KiB, down from version 2's first 64 KiB so that a poll that walks
        /// to a new root stays within its heap bound (section 11, "Heap"); room for about 14 KiB of payload, e.g.
        /// sixteen keys and six 2 KiB CA certificates.
        /// </summary>
        public const int MaxEnvelopeSize = 20480;

        /// <summary>
        /// Verifies the envelope of root version current.Version + 1 (R1-R7). On success next is the
        /// new trusted root; its expiry is checked only after the whole walk (<see cref="CheckNotExpired"/>).
        /// </summary>
        public static bool TryAcceptNext(TrustedRoot current, byte[] envelope, out TrustedRoot next, out VerificationFailure failure)
        {
            if (envelope == null) throw new ArgumentNullException("envelope");
            return TryAcceptNext(current, envelope, envelope.Length, envelope, out next, out failure);
        }

        /// <summary>
        /// The same for the envelope in data[0, count), as a device's reused document buffer holds it. The new root
        /// keeps (<see cref="TrustedRoot.Envelope"/>) not those bytes but its <see cref="CanonicalEnvelope"/>: the
        /// members a mirror may have padded the envelope with are neither kept nor stored.
        /// </summary>
        public static bool TryAcceptNext(TrustedRoot current, byte[] data, int count, out TrustedRoot next, out VerificationFailure failure)
        {
            return TryAcceptNext(current, data, count, null, out next, out failure);
        }

        private static bool TryAcceptNext(TrustedRoot current, byte[] data, int count, byte[] envelope, out TrustedRoot next, out VerificationFailure failure)
        {
            if (current == null) throw new ArgumentNullException("current");
            if (data == null) throw new ArgumentNullException("data");
            next = null;

            SignedEnvelope signed;
            TrustedRoot candidate;
            if (!CheckSize(count, out failure)) return false;
            if (!ParseEnvelope(data, count, out signed, out failure)) return false;
            if (!CheckPayloadType(signed, out failure)) return false;
            if (!CheckSignedByTrustedRoot(signed, current, out failure)) return false;
            if (!ParsePayload(signed, envelope ?? CanonicalEnvelope.Write(signed), out candidate, out failure)) return false;
            if (!CheckVersion(candidate, current, out failure)) return false;
            if (!CheckSignedByOwnRoot(signed, candidate, "R7", out failure)) return false;
            next = candidate;
            return true;
        }

        /// <summary>
        /// Loads a root the device already trusts: the provisioned root v1 or one it accepted and stored.
        /// Runs R1-R3, R5 and R7 (the root's own signatures, which catch corrupted storage); there is no
        /// older root to check R4 and R6 against. Expiry is not checked here.
        /// </summary>
        public static bool TryLoadTrusted(byte[] envelope, out TrustedRoot root, out VerificationFailure failure)
        {
            if (envelope == null) throw new ArgumentNullException("envelope");
            root = null;

            SignedEnvelope signed;
            TrustedRoot candidate;
            if (!CheckSize(envelope.Length, out failure)) return false;
            if (!ParseEnvelope(envelope, envelope.Length, out signed, out failure)) return false;
            if (!CheckPayloadType(signed, out failure)) return false;
            if (!ParsePayload(signed, envelope, out candidate, out failure)) return false;
            if (!CheckSignedByOwnRoot(signed, candidate, "R7", out failure)) return false;
            root = candidate;
            return true;
        }

        /// <summary>R8, after the walk: the newest trusted root must not have expired (expires &gt; now).</summary>
        public static bool CheckNotExpired(TrustedRoot newest, long now, out VerificationFailure failure)
        {
            if (newest == null) throw new ArgumentNullException("newest");
            failure = null;
            if (newest.Expires > now) return true;
            failure = new VerificationFailure(VerificationError.Expired, "R8",
                "root version " + newest.Version + " expired at " + newest.Expires + " (now " + now +
                ") and no newer root was found; the root keys' holders must sign and publish a new root version.");
            return false;
        }

        /// <summary>R1: at most 20 KiB.</summary>
        private static bool CheckSize(int count, out VerificationFailure failure)
        {
            return EnvelopeSteps.CheckSize(count, MaxEnvelopeSize, "R1", "root envelope", out failure);
        }

        /// <summary>R2: a well-formed DSSE envelope.</summary>
        private static bool ParseEnvelope(byte[] data, int count, out SignedEnvelope signed, out VerificationFailure failure)
        {
            return EnvelopeSteps.TryParse(data, count, "R2", "root envelope", out signed, out failure);
        }

        /// <summary>R3: the payload type is root metadata.</summary>
        private static bool CheckPayloadType(SignedEnvelope signed, out VerificationFailure failure)
        {
            return EnvelopeSteps.CheckPayloadType(signed, PayloadType, "R3", out failure);
        }

        /// <summary>R4: the trusted root's root role signed the new root (checked before its payload is even parsed).</summary>
        private static bool CheckSignedByTrustedRoot(SignedEnvelope signed, TrustedRoot current, out VerificationFailure failure)
        {
            return EnvelopeSteps.CheckThreshold(signed, current.RootRole, "root (of trusted root version " + current.Version + ")", "R4", out failure);
        }

        /// <summary>R5: the payload follows section 5.</summary>
        private static bool ParsePayload(SignedEnvelope signed, byte[] envelope, out TrustedRoot candidate, out VerificationFailure failure)
        {
            return RootPayloadReader.TryRead(signed.Message, signed.PayloadOffset, signed.PayloadLength, envelope, out candidate, out failure);
        }

        /// <summary>
        /// R6: exactly one version after the trusted root, so no version can be skipped or replayed, and
        /// for the same product: a root chain never moves a device to another product's keys.
        /// </summary>
        private static bool CheckVersion(TrustedRoot candidate, TrustedRoot current, out VerificationFailure failure)
        {
            failure = null;
            if (candidate.Version != current.Version + 1)
            {
                failure = new VerificationFailure(VerificationError.RootVersionMismatch, "R6",
                    "root has version " + candidate.Version + " where version " + (current.Version + 1) +
                    " is expected; roots must be published as roots/<N>.json for every N, each one version after the last.");
                return false;
            }
            if (candidate.Product == current.Product) return true;
            failure = new VerificationFailure(VerificationError.WrongProduct, "R6",
                "root version " + candidate.Version + " is for product \"" + candidate.Product + "\" but the device runs product \"" +
                current.Product + "\"; a root never changes its product. The site serves another product's roots.");
            return false;
        }

        /// <summary>R7: the new root's own root role signed it too, so its new keys are really held.</summary>
        private static bool CheckSignedByOwnRoot(SignedEnvelope signed, TrustedRoot candidate, string step, out VerificationFailure failure)
        {
            return EnvelopeSteps.CheckThreshold(signed, candidate.RootRole, "root (of root version " + candidate.Version + " itself)", step, out failure);
        }
    }
}
