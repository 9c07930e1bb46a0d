using System;
using SecureOta.Device.Core.Json;

namespace SecureOta.Device.Core.Envelopes
{
    /// <summary>
    /// Parses the bytes of a DSSE envelope (docs/PROTOCOL.md section 4) into a
    /// <see cref="SignedEnvelope"/>: a JSON object with a string payloadType, a strict-base64
    /// payload and 0 to 16 signatures, each a 64-hex keyid and a strict-base64 64-byte sig.
    /// Members the protocol does not name are ignored. The size limit is the caller's (R1, C1).
    /// </summary>
    public static class EnvelopeParser
    {
        /// <summary>Length of an Ed25519 signature.</summary>
        public const int SignatureSize = 64;

        /// <summary>Bytes of a key id (64 hex digits).</summary>
        public const int KeyIdSize = 32;

        /// <summary>True and the envelope when the bytes are a well-formed envelope; otherwise false and a reason.</summary>
        public static bool TryParse(byte[] data, out SignedEnvelope envelope, out string reason)
        {
            if (data == null) throw new ArgumentNullException("data");
            envelope = null;

            object document;
            if (!JsonReader.TryParse(data, out document, out reason))
            {
                reason = "envelope is not valid JSON: " + reason;
                return false;
            }
            JsonObject root = document as JsonObject;
            if (root == null)
            {
                reason = "envelope must be a JSON object, not " + JsonObjectReader.KindOf(document);
                return false;
            }

            JsonObjectReader reader = new JsonObjectReader(root, "");
            string payloadType = reader.RequireString("payloadType");
            string payloadText = reader.RequireString("payload");
            JsonArray signatureArray = reader.RequireArray("signatures", 0, SignedEnvelope.MaxSignatures);
            byte[] payload = null;
            if (payloadText != null && !StrictBase64.TryDecode(payloadText, out payload))
                reader.Fail("payload must be standard padded base64 without whitespace");
            if (reader.Failed)
            {
                reason = reader.Reason;
                return false;
            }

            EnvelopeSignature[] signatures = new EnvelopeSignature[signatureArray.Count];
            for (int i = 0; i < signatures.Length; i++)
            {
                signatures[i] = ReadSignature(signatureArray, i, reader);
                if (reader.Failed)
                {
                    reason = reader.Reason;
                    return false;
                }
            }

            envelope = new SignedEnvelope(payloadType, payload, signatures);
            reason = null;
            return true;
        }

        private static EnvelopeSignature ReadSignature(JsonArray signatures, int index, JsonObjectReader failures)
        {
            string path = "signatures[" + index + "]";
            JsonObject item;
            if (!signatures.TryGetObject(index, out item))
            {
                failures.Fail(path + " must be an object");
                return null;
            }

            JsonObjectReader reader = new JsonObjectReader(item, path);
            string keyId = reader.RequireString("keyid");
            string sigText = reader.RequireString("sig");
            if (keyId != null && !Hex.IsValid(keyId, KeyIdSize))
                reader.Fail(path + ".keyid must be 64 lowercase hex digits");
            byte[] signature = null;
            if (sigText != null && (!StrictBase64.TryDecode(sigText, out signature) || signature.Length != SignatureSize))
                reader.Fail(path + ".sig must be standard base64 of a 64-byte Ed25519 signature");
            if (reader.Failed)
            {
                failures.Fail(reader.Reason);
                return null;
            }
            return new EnvelopeSignature(keyId, signature);
        }
    }
}
