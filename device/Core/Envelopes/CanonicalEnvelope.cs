using System;
using System.Text;

namespace SecureOta.Device.Core.Envelopes
{
    /// <summary>
    /// Writes a parsed envelope back as compact JSON with only the members section 4 names:
    /// {"payloadType":…,"payload":…,"signatures":[{"keyid":…,"sig":…},…]}. The signatures cover
    /// PAE(payloadType, payload), not the JSON around it, so this envelope verifies exactly as the one it
    /// was parsed from. A device stores a root it accepted this way: whatever unknown members a mirror padded
    /// the served envelope with are neither kept in RAM nor written to flash (PROTOCOL.md section 11, "Heap").
    /// </summary>
    public static class CanonicalEnvelope
    {
        private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

        /// <summary>The compact envelope of <paramref name="envelope"/>, in one array of its exact size.</summary>
        public static byte[] Write(SignedEnvelope envelope)
        {
            if (envelope == null) throw new ArgumentNullException("envelope");
            byte[] type = TypeText(envelope.PayloadType);
            // {"payloadType":"  type  ","payload":"  base64  ","signatures":[  signatures  ]}
            int length = 16 + type.Length + 13 + Base64Length(envelope.PayloadLength) + 16 + 2;
            for (int i = 0; i < envelope.SignatureCount; i++)
            {
                // ,{"keyid":"  id  ","sig":"  base64  "}
                length += (i == 0 ? 0 : 1) + 10 + envelope.GetSignature(i).KeyId.Length + 9 + Base64Length(EnvelopeParser.SignatureSize) + 2;
            }

            byte[] output = new byte[length];
            int at = Ascii(output, 0, "{\"payloadType\":\"");
            Array.Copy(type, 0, output, at, type.Length);
            at = Ascii(output, at + type.Length, "\",\"payload\":\"");
            at = Base64(envelope.Message, envelope.PayloadOffset, envelope.PayloadLength, output, at);
            at = Ascii(output, at, "\",\"signatures\":[");
            for (int i = 0; i < envelope.SignatureCount; i++)
            {
                EnvelopeSignature signature = envelope.GetSignature(i);
                if (i > 0) output[at++] = (byte)',';
                at = Ascii(output, at, "{\"keyid\":\"");
                at = Ascii(output, at, signature.KeyId);
                at = Ascii(output, at, "\",\"sig\":\"");
                at = Base64(signature.Signature, 0, signature.Signature.Length, output, at);
                at = Ascii(output, at, "\"}");
            }
            at = Ascii(output, at, "]}");
            if (at != output.Length) throw new InvalidOperationException("canonical envelope length miscounted");
            return output;
        }

        /// <summary>The payload type as the inside of a JSON string: UTF-8, with '"', '\' and control characters escaped.</summary>
        private static byte[] TypeText(string payloadType)
        {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < payloadType.Length; i++)
            {
                char c = payloadType[i];
                if (c == '"' || c == '\\' || c < 0x20) text.Append("\\u00").Append(Hex(c >> 4)).Append(Hex(c & 0x0F));
                else text.Append(c);
            }
            return Encoding.UTF8.GetBytes(text.ToString());
        }

        private static char Hex(int digit)
        {
            return (char)(digit < 10 ? '0' + digit : 'a' + digit - 10);
        }

        private static int Base64Length(int bytes)
        {
            return (bytes + 2) / 3 * 4;
        }

        private static int Ascii(byte[] output, int at, string text)
        {
            for (int i = 0; i < text.Length; i++) output[at + i] = (byte)text[i];
            return at + text.Length;
        }

        /// <summary>Standard padded base64 of data[offset, offset+count) into output at at; returns the end.</summary>
        private static int Base64(byte[] data, int offset, int count, byte[] output, int at)
        {
            int end = offset + count;
            int i = offset;
            for (; i + 3 <= end; i += 3)
            {
                int group = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
                output[at] = (byte)Alphabet[group >> 18];
                output[at + 1] = (byte)Alphabet[(group >> 12) & 0x3F];
                output[at + 2] = (byte)Alphabet[(group >> 6) & 0x3F];
                output[at + 3] = (byte)Alphabet[group & 0x3F];
                at += 4;
            }
            int left = end - i;
            if (left == 0) return at;
            int last = data[i] << 16;
            if (left == 2) last |= data[i + 1] << 8;
            output[at] = (byte)Alphabet[last >> 18];
            output[at + 1] = (byte)Alphabet[(last >> 12) & 0x3F];
            output[at + 2] = left == 2 ? (byte)Alphabet[(last >> 6) & 0x3F] : (byte)'=';
            output[at + 3] = (byte)'=';
            return at + 4;
        }
    }
}
