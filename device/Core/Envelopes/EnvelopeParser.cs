using System;
using SecureOta.Device.Core.Json;

namespace SecureOta.Device.Core.Envelopes
{
    /// <summary>
    /// Parses the bytes of a DSSE envelope (docs/PROTOCOL.md section 4) into a
    /// <see cref="SignedEnvelope"/>: a JSON object with a string payloadType, a strict-base64
    /// payload and 0 to 16 signatures, each a 64-hex keyid and a strict-base64 64-byte sig.
    /// Members the protocol does not name are checked against the JSON rules and otherwise ignored:
    /// nothing of them is ever materialised, because any mirror can add them to a validly signed envelope.
    /// What parsing allocates before a signature is checked is bounded (section 11, "Heap"): the message
    /// PAE(payloadType, payload), decoded straight from the envelope's bytes, a payload type of at most
    /// <see cref="MaxPayloadTypeLength"/> characters, and at most 16 signatures. The size limit is the caller's (R1, C1).
    /// </summary>
    public static class EnvelopeParser
    {
        /// <summary>Length of an Ed25519 signature.</summary>
        public const int SignatureSize = 64;

        /// <summary>Bytes of a key id (64 hex digits).</summary>
        public const int KeyIdSize = 32;

        /// <summary>Longest payloadType accepted (section 4); every type of the protocol is far shorter.</summary>
        public const int MaxPayloadTypeLength = 128;

        /// <summary>True and the envelope when the bytes are a well-formed envelope; otherwise false and a reason.</summary>
        public static bool TryParse(byte[] data, out SignedEnvelope envelope, out string reason)
        {
            if (data == null) throw new ArgumentNullException("data");
            return TryParse(data, data.Length, out envelope, out reason);
        }

        /// <summary>The same for the envelope in data[0, count), as a reused document buffer holds it.</summary>
        public static bool TryParse(byte[] data, int count, out SignedEnvelope envelope, out string reason)
        {
            if (data == null) throw new ArgumentNullException("data");
            envelope = null;

            object document;
            if (!JsonReader.TryParse(data, 0, count, out document, out reason))
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
            string payloadType = reader.RequireString("payloadType", MaxPayloadTypeLength);
            JsonArray signatureArray = reader.RequireArray("signatures", 0, SignedEnvelope.MaxSignatures);
            byte[] payloadData;
            int payloadAt;
            int payloadEnd;
            if (!root.TryGetStringPosition("payload", out payloadData, out payloadAt, out payloadEnd)) reader.RequireString("payload");
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

            envelope = ReadPayload(payloadType, payloadData, payloadAt, payloadEnd, signatures);
            reason = envelope == null ? "payload must be standard padded base64 without whitespace" : null;
            return envelope != null;
        }

        /// <summary>The envelope with its payload decoded into PAE(payloadType, payload), or null when the payload is not strict base64.</summary>
        private static SignedEnvelope ReadPayload(string payloadType, byte[] data, int at, int afterEnd, EnvelopeSignature[] signatures)
        {
            int count = afterEnd - at - 2;
            int length = StrictBase64.DecodedLength(data, at + 1, count);
            if (length >= 0)
            {
                int offset;
                byte[] message = Pae.Allocate(payloadType, length, out offset);
                if (StrictBase64.TryDecodeInto(data, at + 1, count, message, offset)) return new SignedEnvelope(payloadType, message, offset, length, signatures);
            }
            // '\' is outside the base64 alphabet, so only a payload that failed can hold an escape: JSON allows "\/",
            // though no build writes one; this rare path may cost a string.
            if (!JsonText.HasEscape(data, at, afterEnd)) return null;
            byte[] payload;
            if (!StrictBase64.TryDecode(JsonText.DecodeString(data, at, afterEnd), out payload)) return null;
            return new SignedEnvelope(payloadType, payload, signatures);
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
            string keyId = reader.RequireString("keyid", 2 * KeyIdSize);
            byte[] sigData;
            int sigAt;
            int sigEnd;
            byte[] signature = null;
            if (!item.TryGetStringPosition("sig", out sigData, out sigAt, out sigEnd)) reader.RequireString("sig");
            else
            {
                signature = JsonObjectReader.StringBase64(sigData, sigAt, sigEnd, SignatureSize);
                if (signature == null || signature.Length != SignatureSize)
                    reader.Fail(path + ".sig must be standard base64 of a 64-byte Ed25519 signature");
            }
            if (keyId != null && !Hex.IsValid(keyId, KeyIdSize))
                reader.Fail(path + ".keyid must be 64 lowercase hex digits");
            if (reader.Failed)
            {
                failures.Fail(reader.Reason);
                return null;
            }
            return new EnvelopeSignature(keyId, signature);
        }
    }
}
