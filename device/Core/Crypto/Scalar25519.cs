using System;

namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// Integers modulo the group order L = 2^252 + c, c = 27742317777372353535851937790883648493,
    /// as 32-byte little-endian strings. Everything here runs in variable time: verification only
    /// handles public scalars (S from the signature and the hash of public data).
    /// </summary>
    internal static class Scalar25519
    {
        private const int LimbBits = 21;
        private const long LimbMask = (1L << LimbBits) - 1;

        // L, little-endian.
        private static readonly byte[] Order =
        {
            0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10,
        };

        // c = L - 2^252 in 21-bit limbs. 2^252 is exactly limb 12's weight (12 * 21 = 252), so
        // a limb k >= 12 folds down as s_k 2^(21k) = -s_k c 2^(21(k-12)) mod L.
        private static readonly long[] OrderLow = LoadOrderLow();

        /// <summary>True when s[offset, +32) &lt; L: the only S RFC 8032 accepts, so S + L cannot forge a second signature.</summary>
        public static bool IsCanonical(byte[] s, int offset)
        {
            for (int i = 31; i >= 0; i--)
            {
                if (s[offset + i] < Order[i]) return true;
                if (s[offset + i] > Order[i]) return false;
            }
            return false; // s == L
        }

        /// <summary>Number of longs the scratch of <see cref="Reduce64"/> holds.</summary>
        public const int ReduceScratchSize = 25;

        /// <summary>output[0, 32) = (64-byte little-endian input) mod L; scratch: 25 longs, overwritten.</summary>
        public static void Reduce64(byte[] input, byte[] output, long[] s)
        {
            // 25 limbs of 21 bits: 24 cover 504 bits, limb 24 the last 8.
            Array.Clear(s, 0, ReduceScratchSize);
            LoadLimbs(input, 64, s);

            // Fold limbs 24..12 down. After each fold, carry the limbs it touched (rounding to signed
            // 21-bit limbs) so that the next limb folded, and every product, stays far below 2^63.
            for (int i = 24; i >= 12; i--)
            {
                long top = s[i];
                s[i] = 0;
                for (int j = 0; j < 6; j++)
                {
                    s[i - 12 + j] -= top * OrderLow[j];
                }
                for (int k = i - 12; k < i - 1; k++)
                {
                    long carry = (s[k] + (1L << (LimbBits - 1))) >> LimbBits;
                    s[k + 1] += carry;
                    s[k] -= carry << LimbBits;
                }
            }

            // The value now has |v| < 2^254. Normalise to limbs in [0, 2^21) with the excess in limb 12,
            // fold that once more (subtracting excess * L), and normalise again: then v lies in (-2^130, 2^252 + 2^130), so at
            // most one addition or one subtraction of L brings it into [0, L).
            FloorCarry(s);
            AddMultipleOfOrder(s, -s[12]); // v - s12 L = (v mod 2^252) - s12 c
            FloorCarry(s);
            if (s[12] < 0)
            {
                AddMultipleOfOrder(s, 1);
                FloorCarry(s);
            }
            else if (IsAtLeastOrder(s))
            {
                AddMultipleOfOrder(s, -1);
                FloorCarry(s);
            }

            StoreLimbs(s, output);
        }

        /// <summary>
        /// Signed-digit (width-w NAF) recoding of a scalar below 2^253: digits[i] is 0 or odd in
        /// (-2^(w-1), 2^(w-1)), scalar = sum digits[i] 2^i, and nonzero digits are at least w apart. A scalar
        /// multiplication then needs one addition per nonzero digit (about 256/(w+1)) from a table of the
        /// 2^(w-2) odd multiples P, 3P, ..., instead of one per set bit. width: 2 to 8.
        /// </summary>
        public static void ComputeWindowDigits(byte[] scalar, sbyte[] digits, int width)
        {
            Array.Clear(digits, 0, 256);
            int mask = (1 << width) - 1;
            int half = 1 << (width - 1);
            int carry = 0;
            int i = 0;
            while (i < 256)
            {
                int at = i >> 3;
                // bit + carry even: digit 0, and the carry (if any) moves up unchanged.
                if (((scalar[at] >> (i & 7)) & 1) == carry)
                {
                    i++;
                    continue;
                }

                // Odd: take the next w bits plus the carry as a signed odd digit; a window of 2^(w-1) or
                // more becomes window - 2^w and sends a carry to position i + w. Bits past 255 read as 0.
                int word = scalar[at];
                if (at < 31) word |= scalar[at + 1] << 8;
                if (at < 30) word |= scalar[at + 2] << 16;
                int window = ((word >> (i & 7)) & mask) + carry;
                if (window >= half)
                {
                    digits[i] = (sbyte)(window - (1 << width));
                    carry = 1;
                }
                else
                {
                    digits[i] = (sbyte)window;
                    carry = 0;
                }
                i += width;
            }
            // For a scalar below 2^253 the carry has been absorbed by position 253 at the latest.
        }

        private static long[] LoadOrderLow()
        {
            long[] limbs = new long[13];
            LoadLimbs(Order, 32, limbs);
            long[] low = new long[6];
            Array.Copy(limbs, low, 6); // limbs 6..11 of L are zero (c < 2^125) and limb 12 is 1
            return low;
        }

        private static void LoadLimbs(byte[] bytes, int byteCount, long[] limbs)
        {
            ulong accumulator = 0;
            int bits = 0;
            int limb = 0;
            for (int i = 0; i < byteCount; i++)
            {
                accumulator |= (ulong)bytes[i] << bits;
                bits += 8;
                if (bits >= LimbBits)
                {
                    limbs[limb++] = (long)(accumulator & LimbMask);
                    accumulator >>= LimbBits;
                    bits -= LimbBits;
                }
            }
            if (bits > 0) limbs[limb] = (long)accumulator;
        }

        private static void StoreLimbs(long[] limbs, byte[] output)
        {
            // limbs 0..11 hold 21 bits each and limb 12 is 0 or 1: 253 bits in all.
            ulong accumulator = 0;
            int bits = 0;
            int at = 0;
            for (int k = 0; k <= 12; k++)
            {
                accumulator |= (ulong)limbs[k] << bits;
                bits += LimbBits;
                while (bits >= 8 && at < 32)
                {
                    output[at++] = (byte)accumulator;
                    accumulator >>= 8;
                    bits -= 8;
                }
            }
            while (at < 32)
            {
                output[at++] = (byte)accumulator;
                accumulator >>= 8;
            }
        }

        private static void FloorCarry(long[] s)
        {
            for (int k = 0; k < 12; k++)
            {
                long carry = s[k] >> LimbBits;
                s[k + 1] += carry;
                s[k] -= carry << LimbBits;
            }
        }

        private static void AddMultipleOfOrder(long[] s, long multiple)
        {
            for (int j = 0; j < 6; j++)
            {
                s[j] += multiple * OrderLow[j];
            }
            s[12] += multiple;
        }

        // Limbs 0..11 normalised, limb 12 the excess: compares with L = 2^252 + c.
        private static bool IsAtLeastOrder(long[] s)
        {
            if (s[12] != 1) return s[12] > 1;
            for (int k = 11; k >= 0; k--)
            {
                long orderLimb = k < 6 ? OrderLow[k] : 0;
                if (s[k] != orderLimb) return s[k] > orderLimb;
            }
            return true;
        }
    }
}
