using System;

namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// Elements of GF(p), p = 2^255 - 19, as int[10] in radix 2^25.5: limb i holds bits starting at
    /// ceil(25.5 * i), alternately 26 and 25 bits wide, so a product of two limbs fits a long with room
    /// for the ten-term sums of a multiplication (see <see cref="Field25519Products"/>).
    /// Limbs are signed and only loosely reduced between operations; <see cref="Field25519Encoding"/> gives
    /// the one canonical encoding. Every routine here runs in time independent of the values (no branches
    /// or indexes on limb contents), because X25519 feeds secret scalars through them (its ladder, <see cref="X25519LadderLoop"/>, inlines the same arithmetic).
    /// Everything is written out limb by limb: on nanoFramework's interpreter a loop's counter, test and
    /// branch cost more than the arithmetic they repeat. Outputs may alias inputs.
    /// </summary>
    internal static class Field25519
    {
        /// <summary>Number of limbs of an element.</summary>
        public const int LimbCount = 10;

        /// <summary>A new element set to zero.</summary>
        public static int[] Create()
        {
            return new int[LimbCount];
        }

        public static void SetZero(int[] h)
        {
            Array.Clear(h, 0, LimbCount);
        }

        public static void SetOne(int[] h)
        {
            Array.Clear(h, 0, LimbCount);
            h[0] = 1;
        }

        public static void Copy(int[] h, int[] f)
        {
            Array.Copy(f, h, LimbCount);
        }

        /// <summary>h = f + g without carrying: a sum of a few products stays a valid multiplicand.</summary>
        public static void Add(int[] h, int[] f, int[] g)
        {
            h[0] = f[0] + g[0];
            h[1] = f[1] + g[1];
            h[2] = f[2] + g[2];
            h[3] = f[3] + g[3];
            h[4] = f[4] + g[4];
            h[5] = f[5] + g[5];
            h[6] = f[6] + g[6];
            h[7] = f[7] + g[7];
            h[8] = f[8] + g[8];
            h[9] = f[9] + g[9];
        }

        /// <summary>h = f - g without carrying (limbs may go negative; every carry tolerates signed limbs).</summary>
        public static void Subtract(int[] h, int[] f, int[] g)
        {
            h[0] = f[0] - g[0];
            h[1] = f[1] - g[1];
            h[2] = f[2] - g[2];
            h[3] = f[3] - g[3];
            h[4] = f[4] - g[4];
            h[5] = f[5] - g[5];
            h[6] = f[6] - g[6];
            h[7] = f[7] - g[7];
            h[8] = f[8] - g[8];
            h[9] = f[9] - g[9];
        }

        public static void Negate(int[] h, int[] f)
        {
            h[0] = -f[0];
            h[1] = -f[1];
            h[2] = -f[2];
            h[3] = -f[3];
            h[4] = -f[4];
            h[5] = -f[5];
            h[6] = -f[6];
            h[7] = -f[7];
            h[8] = -f[8];
            h[9] = -f[9];
        }

        /// <summary>
        /// Loads 32 little-endian bytes, ignoring bit 255 (Ed25519 keeps the sign of x there and X25519
        /// masks it). Values from p to 2^255 - 1 are accepted and act as their residue; callers that must
        /// refuse non-canonical encodings check them on the bytes first. Limbs end in [0, 2^26) / [0, 2^25).
        /// </summary>
        public static void FromBytes(int[] h, byte[] s, int o)
        {
            // Limb i starts at bit ceil(25.5 i): byte (start >> 3), shifted by (start & 7).
            h[0] = (s[o] | (s[o + 1] << 8) | (s[o + 2] << 16) | (s[o + 3] << 24)) & 0x3ffffff;
            h[1] = ((s[o + 3] >> 2) | (s[o + 4] << 6) | (s[o + 5] << 14) | (s[o + 6] << 22)) & 0x1ffffff;
            h[2] = ((s[o + 6] >> 3) | (s[o + 7] << 5) | (s[o + 8] << 13) | (s[o + 9] << 21)) & 0x3ffffff;
            h[3] = ((s[o + 9] >> 5) | (s[o + 10] << 3) | (s[o + 11] << 11) | (s[o + 12] << 19)) & 0x1ffffff;
            h[4] = ((s[o + 12] >> 6) | (s[o + 13] << 2) | (s[o + 14] << 10) | (s[o + 15] << 18)) & 0x3ffffff;
            h[5] = (s[o + 16] | (s[o + 17] << 8) | (s[o + 18] << 16) | (s[o + 19] << 24)) & 0x1ffffff;
            h[6] = ((s[o + 19] >> 1) | (s[o + 20] << 7) | (s[o + 21] << 15) | (s[o + 22] << 23)) & 0x3ffffff;
            h[7] = ((s[o + 22] >> 3) | (s[o + 23] << 5) | (s[o + 24] << 13) | (s[o + 25] << 21)) & 0x1ffffff;
            h[8] = ((s[o + 25] >> 4) | (s[o + 26] << 4) | (s[o + 27] << 12) | (s[o + 28] << 20)) & 0x3ffffff;
            h[9] = ((s[o + 28] >> 6) | (s[o + 29] << 2) | (s[o + 30] << 10) | (s[o + 31] << 18)) & 0x1ffffff;
        }
    }
}
