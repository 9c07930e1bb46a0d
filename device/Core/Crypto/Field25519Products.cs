namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// Multiplication and squaring in GF(2^255 - 19) on <see cref="Field25519"/> elements.
    /// Schoolbook products in longs: limb i weighs 2^ceil(25.5 i), so f_i g_j lands on limb i + j,
    /// doubled when i and j are both odd (two half bits lost to rounding), and terms past limb 9 wrap
    /// to limb i + j - 10 times 19 because 2^255 = 19 mod p.
    /// <para>
    /// Bounds. Outputs are carried with floor shifts: even limbs in [0, 2^26), odd limbs in [0, 2^25),
    /// limb 1 up to 2^17 beyond its range. Call "k-sized" an operand whose limbs are at most k times an
    /// output's bounds (a sum of k outputs; a difference of two outputs is 1-sized, since both are
    /// non-negative). The largest ten-term sum (column 0) is at most f0 g0 + 19 (four even-even terms)
    /// + 38 (five odd-odd terms) &lt;= (1 + 76 + 190/4) 2^52 kf kg = 124.5 kf kg 2^52, below 2^63 whenever
    /// kf kg &lt;= 16: every caller multiplies operands of at most 4-sized (most are 1- to 3-sized), so
    /// nothing overflows.
    /// </para>
    /// Written out term by term, carries included: loops and calls cost far more than the arithmetic on
    /// an interpreted CLR. Constant time; the output may alias an input.
    /// </summary>
    internal static class Field25519Products
    {
        /// <summary>h = f * g.</summary>
        public static void Multiply(int[] h, int[] f, int[] g)
        {
            long f0 = f[0], f1 = f[1], f2 = f[2], f3 = f[3], f4 = f[4];
            long f5 = f[5], f6 = f[6], f7 = f[7], f8 = f[8], f9 = f[9];
            long g0 = g[0], g1 = g[1], g2 = g[2], g3 = g[3], g4 = g[4];
            long g5 = g[5], g6 = g[6], g7 = g[7], g8 = g[8], g9 = g[9];
            long f1x2 = f1 + f1, f3x2 = f3 + f3, f5x2 = f5 + f5, f7x2 = f7 + f7, f9x2 = f9 + f9;
            long g1x19 = 19 * g1, g2x19 = 19 * g2, g3x19 = 19 * g3, g4x19 = 19 * g4, g5x19 = 19 * g5;
            long g6x19 = 19 * g6, g7x19 = 19 * g7, g8x19 = 19 * g8, g9x19 = 19 * g9;

            long h0 = f0 * g0 + f1x2 * g9x19 + f2 * g8x19 + f3x2 * g7x19 + f4 * g6x19
                + f5x2 * g5x19 + f6 * g4x19 + f7x2 * g3x19 + f8 * g2x19 + f9x2 * g1x19;
            long h1 = f0 * g1 + f1 * g0 + f2 * g9x19 + f3 * g8x19 + f4 * g7x19
                + f5 * g6x19 + f6 * g5x19 + f7 * g4x19 + f8 * g3x19 + f9 * g2x19 + (h0 >> 26); h0 &= 0x3ffffff;
            long h2 = f0 * g2 + f1x2 * g1 + f2 * g0 + f3x2 * g9x19 + f4 * g8x19
                + f5x2 * g7x19 + f6 * g6x19 + f7x2 * g5x19 + f8 * g4x19 + f9x2 * g3x19 + (h1 >> 25); h1 &= 0x1ffffff;
            long h3 = f0 * g3 + f1 * g2 + f2 * g1 + f3 * g0 + f4 * g9x19
                + f5 * g8x19 + f6 * g7x19 + f7 * g6x19 + f8 * g5x19 + f9 * g4x19 + (h2 >> 26); h[2] = (int)h2 & 0x3ffffff;
            long h4 = f0 * g4 + f1x2 * g3 + f2 * g2 + f3x2 * g1 + f4 * g0
                + f5x2 * g9x19 + f6 * g8x19 + f7x2 * g7x19 + f8 * g6x19 + f9x2 * g5x19 + (h3 >> 25); h[3] = (int)h3 & 0x1ffffff;
            long h5 = f0 * g5 + f1 * g4 + f2 * g3 + f3 * g2 + f4 * g1
                + f5 * g0 + f6 * g9x19 + f7 * g8x19 + f8 * g7x19 + f9 * g6x19 + (h4 >> 26); h[4] = (int)h4 & 0x3ffffff;
            long h6 = f0 * g6 + f1x2 * g5 + f2 * g4 + f3x2 * g3 + f4 * g2
                + f5x2 * g1 + f6 * g0 + f7x2 * g9x19 + f8 * g8x19 + f9x2 * g7x19 + (h5 >> 25); h[5] = (int)h5 & 0x1ffffff;
            long h7 = f0 * g7 + f1 * g6 + f2 * g5 + f3 * g4 + f4 * g3
                + f5 * g2 + f6 * g1 + f7 * g0 + f8 * g9x19 + f9 * g8x19 + (h6 >> 26); h[6] = (int)h6 & 0x3ffffff;
            long h8 = f0 * g8 + f1x2 * g7 + f2 * g6 + f3x2 * g5 + f4 * g4
                + f5x2 * g3 + f6 * g2 + f7x2 * g1 + f8 * g0 + f9x2 * g9x19 + (h7 >> 25); h[7] = (int)h7 & 0x1ffffff;
            long h9 = f0 * g9 + f1 * g8 + f2 * g7 + f3 * g6 + f4 * g5
                + f5 * g4 + f6 * g3 + f7 * g2 + f8 * g1 + f9 * g0 + (h8 >> 26); h[8] = (int)h8 & 0x3ffffff;
            // Floor carries (arithmetic shifts) from limb 0 up to limb 9 ride in the sums above: limb k's sum takes
            // limb k - 1's carry as its last term (the values of carrying after all ten sums, two instructions less
            // per link), and each limb but 0 and 1 is stored once its carry has left it. Then the carry out of
            // limb 9 goes back into limb 0 times 19, and limb 0 into limb 1 once more.
            h0 += (h9 >> 25) * 19; h[9] = (int)h9 & 0x1ffffff; h1 += h0 >> 26; h[0] = (int)h0 & 0x3ffffff;
            h[1] = (int)h1;
        }

        /// <summary>h = f * f, using the symmetry f_i f_j = f_j f_i to halve the products.</summary>
        public static void Square(int[] h, int[] f)
        {
            long f0 = f[0], f1 = f[1], f2 = f[2], f3 = f[3], f4 = f[4];
            long f5 = f[5], f6 = f[6], f7 = f[7], f8 = f[8], f9 = f[9];
            long f0x2 = f0 + f0, f1x2 = f1 + f1, f2x2 = f2 + f2, f3x2 = f3 + f3, f4x2 = f4 + f4;
            long f5x2 = f5 + f5, f6x2 = f6 + f6, f7x2 = f7 + f7;
            long f5x38 = 38 * f5, f6x19 = 19 * f6, f7x38 = 38 * f7, f8x19 = 19 * f8, f9x38 = 38 * f9;

            long h0 = f0 * f0 + f1x2 * f9x38 + f2x2 * f8x19 + f3x2 * f7x38 + f4x2 * f6x19 + f5 * f5x38;
            long h1 = f0x2 * f1 + f2 * f9x38 + f3x2 * f8x19 + f4 * f7x38 + f5x2 * f6x19 + (h0 >> 26); h0 &= 0x3ffffff;
            long h2 = f0x2 * f2 + f1x2 * f1 + f3x2 * f9x38 + f4x2 * f8x19 + f5x2 * f7x38 + f6 * f6x19 + (h1 >> 25); h1 &= 0x1ffffff;
            long h3 = f0x2 * f3 + f1x2 * f2 + f4 * f9x38 + f5x2 * f8x19 + f6 * f7x38 + (h2 >> 26); h[2] = (int)h2 & 0x3ffffff;
            long h4 = f0x2 * f4 + f1x2 * f3x2 + f2 * f2 + f5x2 * f9x38 + f6x2 * f8x19 + f7 * f7x38 + (h3 >> 25); h[3] = (int)h3 & 0x1ffffff;
            long h5 = f0x2 * f5 + f1x2 * f4 + f2x2 * f3 + f6 * f9x38 + f7x2 * f8x19 + (h4 >> 26); h[4] = (int)h4 & 0x3ffffff;
            long h6 = f0x2 * f6 + f1x2 * f5x2 + f2x2 * f4 + f3x2 * f3 + f7x2 * f9x38 + f8 * f8x19 + (h5 >> 25); h[5] = (int)h5 & 0x1ffffff;
            long h7 = f0x2 * f7 + f1x2 * f6 + f2x2 * f5 + f3x2 * f4 + f8 * f9x38 + (h6 >> 26); h[6] = (int)h6 & 0x3ffffff;
            long h8 = f0x2 * f8 + f1x2 * f7x2 + f2x2 * f6 + f3x2 * f5x2 + f4 * f4 + f9 * f9x38 + (h7 >> 25); h[7] = (int)h7 & 0x1ffffff;
            long h9 = f0x2 * f9 + f1x2 * f8 + f2x2 * f7 + f3x2 * f6 + f4x2 * f5 + (h8 >> 26); h[8] = (int)h8 & 0x3ffffff;
            // Floor carries (arithmetic shifts) from limb 0 up to limb 9 ride in the sums above: limb k's sum takes
            // limb k - 1's carry as its last term (the values of carrying after all ten sums, two instructions less
            // per link), and each limb but 0 and 1 is stored once its carry has left it. Then the carry out of
            // limb 9 goes back into limb 0 times 19, and limb 0 into limb 1 once more.
            h0 += (h9 >> 25) * 19; h[9] = (int)h9 & 0x1ffffff; h1 += h0 >> 26; h[0] = (int)h0 & 0x3ffffff;
            h[1] = (int)h1;
        }

        /// <summary>
        /// h = f^(2^count): count successive squarings (count &gt;= 1), the bulk of an inversion. The
        /// element stays in long locals from one squaring to the next (the terms and carries of
        /// <see cref="Square"/>, each squaring's carries landing straight in the next one's inputs), so
        /// only the first load and the last store touch the arrays. Constants sit in locals: a long
        /// constant costs two instructions, a local one.
        /// </summary>
        public static void SquareRepeatedly(int[] h, int[] f, int count)
        {
            long m26 = 0x3ffffff, m25 = 0x1ffffff, k19 = 19, k38 = 38;
            long f0 = f[0], f1 = f[1], f2 = f[2], f3 = f[3], f4 = f[4], f5 = f[5], f6 = f[6], f7 = f[7], f8 = f[8], f9 = f[9];
            long h0, h1, h2, h3, h4, h5, h6, h7, h8, h9;
            long s0x2, s1x2, s2x2, s3x2, s4x2, s5x2, s6x2, s7x2, s5x38, s6x19, s7x38, s8x19, s9x38;
            for (int i = 0; i < count; i++)
            {
                s0x2 = f0 + f0; s1x2 = f1 + f1; s2x2 = f2 + f2; s3x2 = f3 + f3; s4x2 = f4 + f4; s5x2 = f5 + f5; s6x2 = f6 + f6; s7x2 = f7 + f7;
                s5x38 = k38 * f5; s6x19 = k19 * f6; s7x38 = k38 * f7; s8x19 = k19 * f8; s9x38 = k38 * f9;
                h0 = f0 * f0 + s1x2 * s9x38 + s2x2 * s8x19 + s3x2 * s7x38 + s4x2 * s6x19 + f5 * s5x38;
                h1 = s0x2 * f1 + f2 * s9x38 + s3x2 * s8x19 + f4 * s7x38 + s5x2 * s6x19;
                h2 = s0x2 * f2 + s1x2 * f1 + s3x2 * s9x38 + s4x2 * s8x19 + s5x2 * s7x38 + f6 * s6x19;
                h3 = s0x2 * f3 + s1x2 * f2 + f4 * s9x38 + s5x2 * s8x19 + f6 * s7x38;
                h4 = s0x2 * f4 + s1x2 * s3x2 + f2 * f2 + s5x2 * s9x38 + s6x2 * s8x19 + f7 * s7x38;
                h5 = s0x2 * f5 + s1x2 * f4 + s2x2 * f3 + f6 * s9x38 + s7x2 * s8x19;
                h6 = s0x2 * f6 + s1x2 * s5x2 + s2x2 * f4 + s3x2 * f3 + s7x2 * s9x38 + f8 * s8x19;
                h7 = s0x2 * f7 + s1x2 * f6 + s2x2 * f5 + s3x2 * f4 + f8 * s9x38;
                h8 = s0x2 * f8 + s1x2 * s7x2 + s2x2 * f6 + s3x2 * s5x2 + f4 * f4 + f9 * s9x38;
                h9 = s0x2 * f9 + s1x2 * f8 + s2x2 * f7 + s3x2 * f6 + s4x2 * f5;
                h1 += h0 >> 26; f0 = h0 & m26; h2 += h1 >> 25; f1 = h1 & m25;
                h3 += h2 >> 26; f2 = h2 & m26; h4 += h3 >> 25; f3 = h3 & m25;
                h5 += h4 >> 26; f4 = h4 & m26; h6 += h5 >> 25; f5 = h5 & m25;
                h7 += h6 >> 26; f6 = h6 & m26; h8 += h7 >> 25; f7 = h7 & m25;
                h9 += h8 >> 26; f8 = h8 & m26; f0 += (h9 >> 25) * k19; f9 = h9 & m25;
                f1 += f0 >> 26; f0 &= m26;
            }
            h[0] = (int)f0; h[1] = (int)f1; h[2] = (int)f2; h[3] = (int)f3; h[4] = (int)f4;
            h[5] = (int)f5; h[6] = (int)f6; h[7] = (int)f7; h[8] = (int)f8; h[9] = (int)f9;
        }
    }
}
