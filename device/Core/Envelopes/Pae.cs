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
            int bodyOffset;
            byte[] result = Allocate(payloadType, payload.Length, out bodyOffset);
            Append(result, bodyOffset, payload);
            return result;
        }

        /// <summary>
        /// PAE(type, body) with the header written and room for a body of bodyLength bytes at bodyOffset, so a
        /// parser can decode the payload straight into the message the signatures cover.
        /// </summary>
        public static byte[] Allocate(string payloadType, int bodyLength, out int bodyOffset)
        {
            if (payloadType == null) throw new ArgumentNullException("payloadType");
            if (bodyLength < 0) throw new ArgumentOutOfRangeException("bodyLength");
            byte[] type = Encoding.UTF8.GetBytes(payloadType);
            byte[] typeLength = Encoding.UTF8.GetBytes(type.Length.ToString());
            byte[] bodyLengthText = Encoding.UTF8.GetBytes(bodyLength.ToString());

            bodyOffset = Prefix.Length + typeLength.Length + 1 + type.Length + 1 + bodyLengthText.Length + 1;
            byte[] result = new byte[bodyOffset + bodyLength];
            int at = 0;
            at = Append(result, at, Prefix);
            at = Append(result, at, typeLength);
            result[at++] = 0x20;
            at = Append(result, at, type);
            result[at++] = 0x20;
            at = Append(result, at, bodyLengthText);
            result[at] = 0x20;
            return result;
        }

        /// <summary>Length of the PAE header before a body of bodyLength bytes.</summary>
        public static int HeaderLength(string payloadType, int bodyLength)
        {
            if (payloadType == null) throw new ArgumentNullException("payloadType");
            int type = Encoding.UTF8.GetBytes(payloadType).Length;
            return Prefix.Length + type.ToString().Length + 1 + type + 1 + bodyLength.ToString().Length + 1;
        }

        private static int Append(byte[] target, int at, byte[] source)
        {
            Array.Copy(source, 0, target, at, source.Length);
            return at + source.Length;
        }
    }
}
