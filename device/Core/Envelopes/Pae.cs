using System;
using System.Text;

namespace SecureOta.Device.Core.Envelopes
{
    /// <summary>
    /// DSSE's pre-authentication encoding (docs/PROTOCOL.md section 4): what every signature covers.
    /// Signing PAE rather than JSON means no canonicalisation is ever needed.
    /// </summary>
    public static class Pae
    {
        private static readonly byte[] Prefix = Encoding.UTF8.GetBytes("DSSEv1 ");

        /// <summary>PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body.</summary>
        public static byte[] Encode(string payloadType, byte[] payload)
        {
            if (payloadType == null) throw new ArgumentNullException("payloadType");
            if (payload == null) throw new ArgumentNullException("payload");

            byte[] type = Encoding.UTF8.GetBytes(payloadType);
            byte[] typeLength = Encoding.UTF8.GetBytes(type.Length.ToString());
            byte[] bodyLength = Encoding.UTF8.GetBytes(payload.Length.ToString());

            byte[] result = new byte[Prefix.Length + typeLength.Length + 1 + type.Length + 1 + bodyLength.Length + 1 + payload.Length];
            int at = 0;
            at = Append(result, at, Prefix);
            at = Append(result, at, typeLength);
            result[at++] = 0x20;
            at = Append(result, at, type);
            result[at++] = 0x20;
            at = Append(result, at, bodyLength);
            result[at++] = 0x20;
            Append(result, at, payload);
            return result;
        }

        private static int Append(byte[] target, int at, byte[] source)
        {
            Array.Copy(source, 0, target, at, source.Length);
            return at + source.Length;
        }
    }
}
