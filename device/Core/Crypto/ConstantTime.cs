using System;

namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// Comparisons whose running time does not depend on the bytes compared, so a digest, MAC or
    /// key-wrap check cannot be learned byte by byte from response timing.
    /// </summary>
    public static class ConstantTime
    {
        /// <summary>True when a[aOffset, +count) equals b[bOffset, +count); time depends only on count.</summary>
        public static bool AreEqual(byte[] a, int aOffset, byte[] b, int bOffset, int count)
        {
            if (a == null) throw new ArgumentNullException("a");
            if (b == null) throw new ArgumentNullException("b");
            if (count < 0 || aOffset < 0 || bOffset < 0 || aOffset + count > a.Length || bOffset + count > b.Length)
                throw new ArgumentOutOfRangeException("count");

            // Eight bytes per step through BitConverter, a native call on nanoFramework: one dispatch
            // instead of the ~160 interpreted instructions of eight byte steps. Byte order does not
            // matter for equality. The tail goes byte by byte.
            ulong wide = 0;
            int i = 0;
            for (; i <= count - 8; i += 8)
            {
                wide |= BitConverter.ToUInt64(a, aOffset + i) ^ BitConverter.ToUInt64(b, bOffset + i);
            }
            int difference = 0;
            for (; i < count; i++)
            {
                difference |= a[aOffset + i] ^ b[bOffset + i];
            }
            return (wide | (uint)difference) == 0;
        }

        /// <summary>
        /// a[aOffset, +32) == b[bOffset, +32) for the core's own 32-byte digests, in constant time: four
        /// native 8-byte reads per side and no loop, the cheapest form on the interpreter (the record
        /// reader compares one digest per 4 KiB record). Ranges are the caller's to get right; a wrong one
        /// throws from BitConverter.
        /// </summary>
        internal static bool AreEqual32(byte[] a, int aOffset, byte[] b, int bOffset)
        {
            return ((BitConverter.ToUInt64(a, aOffset) ^ BitConverter.ToUInt64(b, bOffset))
                | (BitConverter.ToUInt64(a, aOffset + 8) ^ BitConverter.ToUInt64(b, bOffset + 8))
                | (BitConverter.ToUInt64(a, aOffset + 16) ^ BitConverter.ToUInt64(b, bOffset + 16))
                | (BitConverter.ToUInt64(a, aOffset + 24) ^ BitConverter.ToUInt64(b, bOffset + 24))) == 0;
        }

        /// <summary>True when both arrays have the same length and contents; time depends only on the length.</summary>
        public static bool AreEqual(byte[] a, byte[] b)
        {
            if (a == null) throw new ArgumentNullException("a");
            if (b == null) throw new ArgumentNullException("b");
            if (a.Length != b.Length) return false;
            return AreEqual(a, 0, b, 0, a.Length);
        }

        /// <summary>True when every byte of data[offset, +count) is zero (an X25519 low-order result, say).</summary>
        public static bool IsZero(byte[] data, int offset, int count)
        {
            if (data == null) throw new ArgumentNullException("data");
            if (count < 0 || offset < 0 || offset + count > data.Length) throw new ArgumentOutOfRangeException("count");

            // Eight bytes per native BitConverter call, as in AreEqual.
            ulong wide = 0;
            int i = 0;
            for (; i <= count - 8; i += 8)
            {
                wide |= BitConverter.ToUInt64(data, offset + i);
            }
            int accumulated = 0;
            for (; i < count; i++)
            {
                accumulated |= data[offset + i];
            }
            return (wide | (uint)accumulated) == 0;
        }
    }
}
