namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// The canonical form of <see cref="Field25519"/> elements: the fully reduced value (0 &lt;= value &lt; p),
    /// its 32-byte little-endian encoding, and the zero and sign tests built on it. Constant time, no
    /// allocation: the caller lends a scratch element. Input limbs must be at most 2^30 in magnitude
    /// (any product output, or a sum or difference of a few).
    /// </summary>
    internal static class Field25519Encoding
    {
        /// <summary>Writes the canonical 32-byte encoding of f; scratch (may be f) receives its canonical limbs.</summary>
        public static void ToBytes(byte[] s, int o, int[] f, int[] scratch)
        {
            Freeze(scratch, f);
            int h0 = scratch[0], h1 = scratch[1], h2 = scratch[2], h3 = scratch[3], h4 = scratch[4];
            int h5 = scratch[5], h6 = scratch[6], h7 = scratch[7], h8 = scratch[8], h9 = scratch[9];
            // Limb i starts at bit ceil(25.5 i); a byte straddling two limbs takes the top of one and the
            // bottom of the next. The casts keep the low 8 bits.
            s[o] = (byte)h0;
            s[o + 1] = (byte)(h0 >> 8);
            s[o + 2] = (byte)(h0 >> 16);
            s[o + 3] = (byte)((h0 >> 24) | (h1 << 2));
            s[o + 4] = (byte)(h1 >> 6);
            s[o + 5] = (byte)(h1 >> 14);
            s[o + 6] = (byte)((h1 >> 22) | (h2 << 3));
            s[o + 7] = (byte)(h2 >> 5);
            s[o + 8] = (byte)(h2 >> 13);
            s[o + 9] = (byte)((h2 >> 21) | (h3 << 5));
            s[o + 10] = (byte)(h3 >> 3);
            s[o + 11] = (byte)(h3 >> 11);
            s[o + 12] = (byte)((h3 >> 19) | (h4 << 6));
            s[o + 13] = (byte)(h4 >> 2);
            s[o + 14] = (byte)(h4 >> 10);
            s[o + 15] = (byte)(h4 >> 18);
            s[o + 16] = (byte)h5;
            s[o + 17] = (byte)(h5 >> 8);
            s[o + 18] = (byte)(h5 >> 16);
            s[o + 19] = (byte)((h5 >> 24) | (h6 << 1));
            s[o + 20] = (byte)(h6 >> 7);
            s[o + 21] = (byte)(h6 >> 15);
            s[o + 22] = (byte)((h6 >> 23) | (h7 << 3));
            s[o + 23] = (byte)(h7 >> 5);
            s[o + 24] = (byte)(h7 >> 13);
            s[o + 25] = (byte)((h7 >> 21) | (h8 << 4));
            s[o + 26] = (byte)(h8 >> 4);
            s[o + 27] = (byte)(h8 >> 12);
            s[o + 28] = (byte)((h8 >> 20) | (h9 << 6));
            s[o + 29] = (byte)(h9 >> 2);
            s[o + 30] = (byte)(h9 >> 10);
            s[o + 31] = (byte)(h9 >> 18);
        }

        /// <summary>True when f = 0 mod p.</summary>
        public static bool IsZero(int[] f, int[] scratch)
        {
            Freeze(scratch, f);
            return (scratch[0] | scratch[1] | scratch[2] | scratch[3] | scratch[4]
                | scratch[5] | scratch[6] | scratch[7] | scratch[8] | scratch[9]) == 0;
        }

        /// <summary>RFC 8032's sign of x: the low bit of the canonical value ("negative" = odd).</summary>
        public static int IsNegative(int[] f, int[] scratch)
        {
            Freeze(scratch, f);
            return scratch[0] & 1;
        }

        /// <summary>h = the canonical limbs of f (each in [0, 2^26) or [0, 2^25), value below p). h may be f.</summary>
        public static void Freeze(int[] h, int[] f)
        {
            int h0 = f[0], h1 = f[1], h2 = f[2], h3 = f[3], h4 = f[4];
            int h5 = f[5], h6 = f[6], h7 = f[7], h8 = f[8], h9 = f[9];

            // Two rounds of floor carries (arithmetic shifts), folding the carry out of bit 255 back in
            // as 19 per unit (2^255 = 19 mod p). With limbs below 2^30 the first round leaves a value in
            // (-2^10, 2^255 + 2^10) with limbs 1..9 canonical; the second carries that into [0, 2^255)
            // with every limb canonical (a small negative value wraps to just below p, a value just over
            // 2^255 to a small one, and the +-19 fold then cannot leave limb 0's range).
            h1 += h0 >> 26; h0 &= 0x3ffffff;
            h2 += h1 >> 25; h1 &= 0x1ffffff;
            h3 += h2 >> 26; h2 &= 0x3ffffff;
            h4 += h3 >> 25; h3 &= 0x1ffffff;
            h5 += h4 >> 26; h4 &= 0x3ffffff;
            h6 += h5 >> 25; h5 &= 0x1ffffff;
            h7 += h6 >> 26; h6 &= 0x3ffffff;
            h8 += h7 >> 25; h7 &= 0x1ffffff;
            h9 += h8 >> 26; h8 &= 0x3ffffff;
            h0 += 19 * (h9 >> 25); h9 &= 0x1ffffff;

            h1 += h0 >> 26; h0 &= 0x3ffffff;
            h2 += h1 >> 25; h1 &= 0x1ffffff;
            h3 += h2 >> 26; h2 &= 0x3ffffff;
            h4 += h3 >> 25; h3 &= 0x1ffffff;
            h5 += h4 >> 26; h4 &= 0x3ffffff;
            h6 += h5 >> 25; h5 &= 0x1ffffff;
            h7 += h6 >> 26; h6 &= 0x3ffffff;
            h8 += h7 >> 25; h7 &= 0x1ffffff;
            h9 += h8 >> 26; h8 &= 0x3ffffff;
            h0 += 19 * (h9 >> 25); h9 &= 0x1ffffff;

            // Now 0 <= value < 2^255, so one subtraction of p at most. value >= p exactly when
            // value + 19 carries out of bit 255; q is that carry, computed without branching.
            int q = (h0 + 19) >> 26;
            q = (h1 + q) >> 25;
            q = (h2 + q) >> 26;
            q = (h3 + q) >> 25;
            q = (h4 + q) >> 26;
            q = (h5 + q) >> 25;
            q = (h6 + q) >> 26;
            q = (h7 + q) >> 25;
            q = (h8 + q) >> 26;
            q = (h9 + q) >> 25;

            // Adding 19q and dropping q * 2^255 (the final mask) subtracts q * p.
            h0 += 19 * q;
            h1 += h0 >> 26; h[0] = h0 & 0x3ffffff;
            h2 += h1 >> 25; h[1] = h1 & 0x1ffffff;
            h3 += h2 >> 26; h[2] = h2 & 0x3ffffff;
            h4 += h3 >> 25; h[3] = h3 & 0x1ffffff;
            h5 += h4 >> 26; h[4] = h4 & 0x3ffffff;
            h6 += h5 >> 25; h[5] = h5 & 0x1ffffff;
            h7 += h6 >> 26; h[6] = h6 & 0x3ffffff;
            h8 += h7 >> 25; h[7] = h7 & 0x1ffffff;
            h9 += h8 >> 26; h[8] = h8 & 0x3ffffff;
            h[9] = h9 & 0x1ffffff;
        }
    }
}
