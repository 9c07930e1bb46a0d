using System;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// AES key wrap (RFC 3394, NIST SP 800-38F "KW") with the default IV A6A6A6A6A6A6A6A6 and a 128-bit
    /// key-encryption key, because the device's native AES is AES-128. Works on 64-bit halves of one
    /// 16-byte block buffer through the platform's single-block ECB calls.
    /// </summary>
    public static class AesKeyWrap
    {
        /// <summary>KEK length: AES-128 only.</summary>
        public const int KeyEncryptionKeyLength = 16;

        /// <summary>The wrap works on 64-bit semiblocks; the wrapped form is one semiblock longer.</summary>
        public const int SemiblockLength = 8;

        /// <summary>Shortest key data RFC 3394 wraps: two semiblocks.</summary>
        public const int MinKeyDataLength = 2 * SemiblockLength;

        private const int Rounds = 6;

        // RFC 3394 section 2.2.3.1 default initial value; the integrity check compares against it.
        private static readonly byte[] DefaultIv = { 0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6 };

        /// <summary>
        /// Wraps <paramref name="keyData"/> (a multiple of 8 bytes, at least 16) under the 16-byte KEK;
        /// returns keyData.Length + 8 bytes. Wrong lengths are the caller's mistake and throw.
        /// </summary>
        public static byte[] Wrap(IAes128 aes, byte[] kek16, byte[] keyData)
        {
            CheckAesAndKek(aes, kek16);
            if (keyData == null) throw new ArgumentNullException("keyData");
            if (keyData.Length < MinKeyDataLength || keyData.Length % SemiblockLength != 0)
                throw new ArgumentException("Key data must be a multiple of 8 bytes and at least 16 bytes.", "keyData");

            int n = keyData.Length / SemiblockLength;
            byte[] wrapped = new byte[keyData.Length + SemiblockLength];
            Array.Copy(keyData, 0, wrapped, SemiblockLength, keyData.Length);

            // block = A || R[i]; A stays in the first half between steps, R[i] lives in wrapped.
            byte[] block = new byte[16];
            Array.Copy(DefaultIv, 0, block, 0, SemiblockLength);
            try
            {
                for (int j = 0; j < Rounds; j++)
                {
                    for (int i = 1; i <= n; i++)
                    {
                        Array.Copy(wrapped, i * SemiblockLength, block, SemiblockLength, SemiblockLength);
                        aes.EncryptBlock(kek16, block, 0);
                        XorStepCounter(block, n * j + i);
                        Array.Copy(block, SemiblockLength, wrapped, i * SemiblockLength, SemiblockLength);
                    }
                }
                Array.Copy(block, 0, wrapped, 0, SemiblockLength);
                return wrapped;
            }
            finally
            {
                Array.Clear(block, 0, block.Length);
            }
        }

        /// <summary>
        /// Unwraps and checks integrity. Returns false with <paramref name="keyData"/> null when the
        /// integrity value differs (wrong KEK, tampered or truncated data) or when the wrapped length
        /// cannot be a key wrap (not a multiple of 8, or shorter than 24 bytes): the wrapped bytes come
        /// from the network, so their length is data to reject, not a programming error. The check is
        /// constant-time and the unwrapped bytes are wiped on failure.
        /// </summary>
        public static bool TryUnwrap(IAes128 aes, byte[] kek16, byte[] wrapped, out byte[] keyData)
        {
            CheckAesAndKek(aes, kek16);
            if (wrapped == null) throw new ArgumentNullException("wrapped");

            keyData = null;
            if (wrapped.Length < MinKeyDataLength + SemiblockLength || wrapped.Length % SemiblockLength != 0)
                return false;

            int n = wrapped.Length / SemiblockLength - 1;
            byte[] plain = new byte[n * SemiblockLength];
            Array.Copy(wrapped, SemiblockLength, plain, 0, plain.Length);

            byte[] block = new byte[16];
            Array.Copy(wrapped, 0, block, 0, SemiblockLength);
            bool intact = false;
            try
            {
                for (int j = Rounds - 1; j >= 0; j--)
                {
                    for (int i = n; i >= 1; i--)
                    {
                        XorStepCounter(block, n * j + i);
                        Array.Copy(plain, (i - 1) * SemiblockLength, block, SemiblockLength, SemiblockLength);
                        aes.DecryptBlock(kek16, block, 0);
                        Array.Copy(block, SemiblockLength, plain, (i - 1) * SemiblockLength, SemiblockLength);
                    }
                }
                intact = ConstantTime.AreEqual(block, 0, DefaultIv, 0, SemiblockLength);
            }
            finally
            {
                Array.Clear(block, 0, block.Length);
                if (!intact) Array.Clear(plain, 0, plain.Length);
            }

            if (!intact) return false;
            keyData = plain;
            return true;
        }

        // A ^= t as a 64-bit big-endian integer. t = n*j + i stays below 2^31 because n is at most
        // int.MaxValue / 8 and j < 6, so only the low four bytes of A change.
        private static void XorStepCounter(byte[] block, int t)
        {
            block[4] ^= (byte)(t >> 24);
            block[5] ^= (byte)(t >> 16);
            block[6] ^= (byte)(t >> 8);
            block[7] ^= (byte)t;
        }

        private static void CheckAesAndKek(IAes128 aes, byte[] kek16)
        {
            if (aes == null) throw new ArgumentNullException("aes");
            if (kek16 == null) throw new ArgumentNullException("kek16");
            if (kek16.Length != KeyEncryptionKeyLength)
                throw new ArgumentException("The key-encryption key must be 16 bytes (AES-128).", "kek16");
        }
    }
}
