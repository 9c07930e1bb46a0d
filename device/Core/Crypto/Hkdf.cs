using System;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// HKDF with HMAC-SHA256 (RFC 5869), over the platform's native HMAC. It turns the X25519 shared
    /// secret of a wrapped content key into the AES-128 key-encryption key.
    /// </summary>
    public static class Hkdf
    {
        /// <summary>SHA-256 output length, HashLen in RFC 5869.</summary>
        public const int HashLength = 32;

        /// <summary>RFC 5869 caps the output at 255 blocks: the block counter is one byte.</summary>
        public const int MaxOutputLength = 255 * HashLength;

        /// <summary>
        /// Extract-then-expand: returns <paramref name="length"/> bytes of output keying material.
        /// A null or empty <paramref name="salt"/> means HashLength zero bytes (RFC 5869 section 2.2);
        /// a null <paramref name="info"/> means no context. Intermediate secrets are wiped before returning.
        /// </summary>
        public static byte[] DeriveKey(IHmacSha256 hmac, byte[] inputKeyMaterial, byte[] salt, byte[] info, int length)
        {
            if (hmac == null) throw new ArgumentNullException("hmac");
            if (inputKeyMaterial == null) throw new ArgumentNullException("inputKeyMaterial");
            if (length < 1 || length > MaxOutputLength)
                throw new ArgumentOutOfRangeException("length", "HKDF-SHA256 output must be 1 to 8160 bytes.");

            byte[] extractKey = (salt == null || salt.Length == 0) ? new byte[HashLength] : salt;
            int infoLength = info == null ? 0 : info.Length;

            byte[] pseudoRandomKey = new byte[HashLength];
            // Expand input T(i-1) || info || i lives in one buffer; T(0) is empty, so round 1 starts past it.
            byte[] expandInput = new byte[HashLength + infoLength + 1];
            byte[] previousBlock = new byte[HashLength];
            byte[] output = new byte[length];
            try
            {
                hmac.Compute(extractKey, inputKeyMaterial, 0, inputKeyMaterial.Length, pseudoRandomKey, 0);
                if (infoLength > 0) Array.Copy(info, 0, expandInput, HashLength, infoLength);

                int produced = 0;
                int counter = 1;
                int inputStart = HashLength;
                while (produced < length)
                {
                    expandInput[expandInput.Length - 1] = (byte)counter;
                    hmac.Compute(pseudoRandomKey, expandInput, inputStart, expandInput.Length - inputStart, previousBlock, 0);

                    int take = length - produced < HashLength ? length - produced : HashLength;
                    Array.Copy(previousBlock, 0, output, produced, take);
                    Array.Copy(previousBlock, 0, expandInput, 0, HashLength);
                    produced += take;
                    counter++;
                    inputStart = 0;
                }
                return output;
            }
            finally
            {
                Array.Clear(pseudoRandomKey, 0, pseudoRandomKey.Length);
                Array.Clear(expandInput, 0, expandInput.Length);
                Array.Clear(previousBlock, 0, previousBlock.Length);
            }
        }
    }
}
