using System;

namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// Elements of GF(p), p = 2^255 - 19, as int[10] in radix 2^25.5: limb i holds bits starting at
    /// ceil(25.5 * i), alternately 26 and 25 bits wide, so a product of two limbs fits a long with room
    /// for the ten-term sums of a multiplication (see <see cref="Field25519Products"/>).
    /// Limbs are signed and only loosely reduced between operations; <see cref="ToBytes"/> gives the one
    /// canonical encoding. Every routine here runs in time independent of the values (no branches or
    /// indexes on limb contents), because X25519 feeds secret scalars through them.
    /// Outputs may alias inputs.
    /// </summary>
    internal static class Field25519
    {
        /// <summary>Number of limbs of an element.</summary>
        public const int LimbCount = 10;

        // Bit position of each limb within the 255-bit little-endian encoding.
        private static readonly int[] LimbStartBit = { 0, 26, 51, 77, 102, 128, 153, 179, 204, 230 };

        /// <summary>A new element set to zero.</summary>
        public static int[] Create()
        {
            return new int[LimbCount];
        }

        /// <summary>A new element set to a small integer.</summary>
        public static int[] FromInt(int value)
        {
            int[] h = new int[LimbCount];
            h[0] = value;
            return h;
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

        /// <summary>h = f + g without carrying: an operand of at most a few such sums stays a valid multiplicand.</summary>
        public static void Add(int[] h, int[] f, int[] g)
        {
            for (int i = 0; i < LimbCount; i++)
            {
                h[i] = f[i] + g[i];
            }
        }

        /// <summary>h = f - g without carrying (limbs may go negative; the carries tolerate signed limbs).</summary>
        public static void Subtract(int[] h, int[] f, int[] g)
        {
            for (int i = 0; i < LimbCount; i++)
            {
                h[i] = f[i] - g[i];
            }
        }

        public static void Negate(int[] h, int[] f)
        {
            for (int i = 0; i < LimbCount; i++)
            {
                h[i] = -f[i];
            }
        }

        /// <summary>Swaps f and g when swap is 1, leaves them when 0, with the same operations either way.</summary>
        public static void ConditionalSwap(int[] f, int[] g, int swap)
        {
            int mask = -swap;
            for (int i = 0; i < LimbCount; i++)
            {
                int difference = mask & (f[i] ^ g[i]);
                f[i] ^= difference;
                g[i] ^= difference;
            }
        }

        /// <summary>
        /// Loads 32 little-endian bytes, ignoring bit 255 (Ed25519 keeps the sign of x there and X25519
        /// masks it). Values from p to 2^255 - 1 are accepted and act as their residue; callers that must
        /// refuse non-canonical encodings check them on the bytes first.
        /// </summary>
        public static void FromBytes(int[] h, byte[] s, int offset)
        {
            for (int i = 0; i < LimbCount; i++)
            {
                int start = LimbStartBit[i];
                int width = (i & 1) == 0 ? 26 : 25;
                int at = offset + (start >> 3);
                uint word = (uint)s[at] | ((uint)s[at + 1] << 8) | ((uint)s[at + 2] << 16) | ((uint)s[at + 3] << 24);
                h[i] = (int)((word >> (start & 7)) & ((1U << width) - 1));
            }
        }

        /// <summary>
        /// Writes the canonical (fully reduced, 0 &lt;= value &lt; p) little-endian encoding of f.
        /// f's limbs must be at most 2^27 in magnitude: any product output, or a sum of a few.
        /// </summary>
        public static void ToBytes(byte[] s, int offset, int[] f)
        {
            int[] h = new int[LimbCount];
            Copy(h, f);

            // Two rounds of floor carries, folding the overflow above bit 255 back in as 19 per unit
            // (2^255 = 19 mod p). After the first the value lies in [-95, 2^255 + 76); the second maps
            // either end into [0, 2^255) with every limb in its canonical range.
            CarryAndFold(h);
            CarryAndFold(h);

            // Now 0 <= value < 2^255, so one subtraction of p at most. value >= p exactly when
            // value + 19 carries out of bit 255; q is that carry, computed without branching.
            int q = (h[0] + 19) >> 26;
            for (int i = 1; i < LimbCount; i++)
            {
                q = (h[i] + q) >> ((i & 1) == 0 ? 26 : 25);
            }
            h[0] += 19 * q;
            for (int i = 0; i < LimbCount - 1; i++)
            {
                int width = (i & 1) == 0 ? 26 : 25;
                h[i + 1] += h[i] >> width;
                h[i] &= (1 << width) - 1;
            }
            h[9] &= (1 << 25) - 1; // drops q * 2^255: together with the +19q above, subtracts q * p

            Array.Clear(s, offset, 32);
            for (int i = 0; i < LimbCount; i++)
            {
                int start = LimbStartBit[i];
                int at = offset + (start >> 3);
                uint word = (uint)h[i] << (start & 7);
                s[at] |= (byte)word;
                s[at + 1] |= (byte)(word >> 8);
                s[at + 2] |= (byte)(word >> 16);
                s[at + 3] |= (byte)(word >> 24);
            }
        }

        /// <summary>True when f = 0 mod p (canonical encoding all zero).</summary>
        public static bool IsZero(int[] f)
        {
            byte[] s = new byte[32];
            ToBytes(s, 0, f);
            return ConstantTime.IsZero(s, 0, 32);
        }

        /// <summary>RFC 8032's sign of x: the low bit of the canonical encoding ("negative" = odd).</summary>
        public static int IsNegative(int[] f)
        {
            byte[] s = new byte[32];
            ToBytes(s, 0, f);
            return s[0] & 1;
        }

        private static void CarryAndFold(int[] h)
        {
            for (int i = 0; i < LimbCount - 1; i++)
            {
                int width = (i & 1) == 0 ? 26 : 25;
                int carry = h[i] >> width; // arithmetic shift: floor division, so limbs end in [0, 2^width)
                h[i + 1] += carry;
                h[i] -= carry << width;
            }
            int overflow = h[9] >> 25;
            h[9] -= overflow << 25;
            h[0] += 19 * overflow;
        }
    }
}
