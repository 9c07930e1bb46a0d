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

            int difference = 0;
            for (int i = 0; i < count; i++)
            {
                difference |= a[aOffset + i] ^ b[bOffset + i];
            }
            return difference == 0;
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

            int accumulated = 0;
            for (int i = 0; i < count; i++)
            {
                accumulated |= data[offset + i];
            }
            return accumulated == 0;
        }
    }
}
