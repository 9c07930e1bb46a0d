using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Core.Json;

namespace SecureOta.Device.Core.KeyTables
{
    /// <summary>
    /// The bytes of a prepared key table file (docs/PROTOCOL.md section 11b, "Prepared key tables"):
    /// format byte, the 32-byte public key, the four rows of <see cref="EdwardsSplitTable"/> (8 packed cached
    /// points of 40 limbs each, every limb a little-endian two's-complement int32), then the 32-byte tag
    /// t4 of the chain t0 = HMAC(K, format || key), t(c+1) = HMAC(K, t(c) || row c). The chain lets the
    /// device tag 5 KiB with a 1.3 KiB buffer (nanoFramework's HMAC is one-shot); every file has the same
    /// length, so no two inputs of the chain can be confused.
    /// </summary>
    internal static class PreparedKeyFile
    {
        /// <summary>The file's first byte. 1: radix-2^25.5 limbs of packed cached points (Y+X, Y-X, Z, 2dT).</summary>
        internal const byte FormatVersion = 1;

        internal const int HeaderSize = 1 + Ed25519.PublicKeySize;

        /// <summary>Bytes of one row: 8 points of 40 int32 limbs.</summary>
        internal const int RowBytes = 8 * EdwardsCachedPoint.PackedSize * 4;

        internal const int ChainSize = 32;

        /// <summary>33 + 4 x 1280 + 32 = 5185 bytes.</summary>
        internal const int FileSize = HeaderSize + EdwardsSplitTable.RowCount * RowBytes + ChainSize;

        private const string Prefix = "ed25519.";
        private const string Suffix = ".table";
        internal const int NameKeyBytes = 8;

        internal const int NameLength = 8 + 2 * NameKeyBytes + 6;

        /// <summary>The file name for the key, built in <paramref name="chars"/> (NameLength long) so only the string is allocated.</summary>
        internal static string Name(byte[] publicKey, char[] chars)
        {
            int p = 0;
            for (int i = 0; i < Prefix.Length; i++) chars[p++] = Prefix[i];
            for (int i = 0; i < NameKeyBytes; i++)
            {
                chars[p++] = Hex.Digits[publicKey[i] >> 4];
                chars[p++] = Hex.Digits[publicKey[i] & 15];
            }
            for (int i = 0; i < Suffix.Length; i++) chars[p++] = Suffix[i];
            return new string(chars);
        }

        /// <summary>Writes one row's limbs into bytes[offset, +RowBytes).</summary>
        internal static void Pack(int[][] row, byte[] bytes, int offset)
        {
            int p = offset;
            for (int k = 0; k < row.Length; k++)
            {
                int[] entry = row[k];
                for (int i = 0; i < EdwardsCachedPoint.PackedSize; i += 2, p += 8)
                {
                    int limb = entry[i];
                    bytes[p] = (byte)limb;
                    bytes[p + 1] = (byte)(limb >> 8);
                    bytes[p + 2] = (byte)(limb >> 16);
                    bytes[p + 3] = (byte)(limb >> 24);
                    limb = entry[i + 1];
                    bytes[p + 4] = (byte)limb;
                    bytes[p + 5] = (byte)(limb >> 8);
                    bytes[p + 6] = (byte)(limb >> 16);
                    bytes[p + 7] = (byte)(limb >> 24);
                }
            }
        }

        /// <summary>Reads one row's limbs from bytes[offset, +RowBytes).</summary>
        internal static void Unpack(byte[] bytes, int offset, int[][] row)
        {
            // Two limbs an iteration: the loop's counter, test and branch cost as much as a limb's arithmetic.
            int p = offset;
            for (int k = 0; k < row.Length; k++)
            {
                int[] entry = row[k];
                for (int i = 0; i < EdwardsCachedPoint.PackedSize; i += 2, p += 8)
                {
                    entry[i] = bytes[p] | (bytes[p + 1] << 8) | (bytes[p + 2] << 16) | (bytes[p + 3] << 24);
                    entry[i + 1] = bytes[p + 4] | (bytes[p + 5] << 8) | (bytes[p + 6] << 16) | (bytes[p + 7] << 24);
                }
            }
        }
    }
}
