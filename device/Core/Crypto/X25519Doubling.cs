namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// The doublings around <see cref="X25519LadderLoop"/>: [2] u before it (bit 254 of every clamped scalar)
    /// and [8] after it (bits 2..0, always 0). The ladder loop's doubling half, term for term, final links
    /// dropped in the same chains (AA, AA + a24 E), so its bounds hold: x + z is 2-sized as A is there), with the
    /// element in long locals from one doubling to the next, so only the first load and the last store
    /// touch the arrays. Constant time: nothing depends on the values.
    /// </summary>
    internal static class X25519Doubling
    {
        /// <summary>(x : z) = [2^count] (x : z), in place; count &gt;= 1.</summary>
        public static void DoubleRepeatedly(int[] x, int[] z, int count)
        {
            long m26 = 0x3ffffff, m25 = 0x1ffffff, k19 = 19, k38 = 38, a24 = 121665;
            long x2_0 = x[0], x2_1 = x[1], x2_2 = x[2], x2_3 = x[3], x2_4 = x[4], x2_5 = x[5], x2_6 = x[6], x2_7 = x[7], x2_8 = x[8], x2_9 = x[9];
            long z2_0 = z[0], z2_1 = z[1], z2_2 = z[2], z2_3 = z[3], z2_4 = z[4], z2_5 = z[5], z2_6 = z[6], z2_7 = z[7], z2_8 = z[8], z2_9 = z[9];
            long a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, b0, b1, b2, b3, b4, b5, b6, b7, b8, b9;
            long c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, d0, d1, d2, d3, d4, d5, d6, d7, d8, d9;
            long f1x2, f3x2, f5x2, f7x2, f9x2, s0x2, s1x2, s2x2, s3x2, s4x2, s5x2, s6x2, s7x2, s5x38, s6x19, s7x38, s8x19, s9x38;
            for (int n = 0; n < count; n++)
            {
                // A = x + z, B = x - z.
                a0 = x2_0 + z2_0; a1 = x2_1 + z2_1; a2 = x2_2 + z2_2; a3 = x2_3 + z2_3; a4 = x2_4 + z2_4;
                a5 = x2_5 + z2_5; a6 = x2_6 + z2_6; a7 = x2_7 + z2_7; a8 = x2_8 + z2_8; a9 = x2_9 + z2_9;
                b0 = x2_0 - z2_0; b1 = x2_1 - z2_1; b2 = x2_2 - z2_2; b3 = x2_3 - z2_3; b4 = x2_4 - z2_4;
                b5 = x2_5 - z2_5; b6 = x2_6 - z2_6; b7 = x2_7 - z2_7; b8 = x2_8 - z2_8; b9 = x2_9 - z2_9;
                // C = AA, D = BB.
                s0x2 = a0 + a0; s1x2 = a1 + a1; s2x2 = a2 + a2; s3x2 = a3 + a3; s4x2 = a4 + a4; s5x2 = a5 + a5; s6x2 = a6 + a6; s7x2 = a7 + a7;
                s5x38 = k38 * a5; s6x19 = k19 * a6; s7x38 = k38 * a7; s8x19 = k19 * a8; s9x38 = k38 * a9;
                c0 = a0 * a0 + s1x2 * s9x38 + s2x2 * s8x19 + s3x2 * s7x38 + s4x2 * s6x19 + a5 * s5x38;
                c1 = s0x2 * a1 + a2 * s9x38 + s3x2 * s8x19 + a4 * s7x38 + s5x2 * s6x19 + (c0 >> 26); c0 &= m26;
                c2 = s0x2 * a2 + s1x2 * a1 + s3x2 * s9x38 + s4x2 * s8x19 + s5x2 * s7x38 + a6 * s6x19 + (c1 >> 25); c1 &= m25;
                c3 = s0x2 * a3 + s1x2 * a2 + a4 * s9x38 + s5x2 * s8x19 + a6 * s7x38 + (c2 >> 26); c2 &= m26;
                c4 = s0x2 * a4 + s1x2 * s3x2 + a2 * a2 + s5x2 * s9x38 + s6x2 * s8x19 + a7 * s7x38 + (c3 >> 25); c3 &= m25;
                c5 = s0x2 * a5 + s1x2 * a4 + s2x2 * a3 + a6 * s9x38 + s7x2 * s8x19 + (c4 >> 26); c4 &= m26;
                c6 = s0x2 * a6 + s1x2 * s5x2 + s2x2 * a4 + s3x2 * a3 + s7x2 * s9x38 + a8 * s8x19 + (c5 >> 25); c5 &= m25;
                c7 = s0x2 * a7 + s1x2 * a6 + s2x2 * a5 + s3x2 * a4 + a8 * s9x38 + (c6 >> 26); c6 &= m26;
                c8 = s0x2 * a8 + s1x2 * s7x2 + s2x2 * a6 + s3x2 * s5x2 + a4 * a4 + a9 * s9x38 + (c7 >> 25); c7 &= m25;
                c9 = s0x2 * a9 + s1x2 * a8 + s2x2 * a7 + s3x2 * a6 + s4x2 * a5 + (c8 >> 26); c8 &= m26;
                c0 += (c9 >> 25) * k19; c9 &= m25;
                // No final link: AA limb 0 stays below 2^36 (see X25519LadderLoop).
                s0x2 = b0 + b0; s1x2 = b1 + b1; s2x2 = b2 + b2; s3x2 = b3 + b3; s4x2 = b4 + b4; s5x2 = b5 + b5; s6x2 = b6 + b6; s7x2 = b7 + b7;
                s5x38 = k38 * b5; s6x19 = k19 * b6; s7x38 = k38 * b7; s8x19 = k19 * b8; s9x38 = k38 * b9;
                d0 = b0 * b0 + s1x2 * s9x38 + s2x2 * s8x19 + s3x2 * s7x38 + s4x2 * s6x19 + b5 * s5x38;
                d1 = s0x2 * b1 + b2 * s9x38 + s3x2 * s8x19 + b4 * s7x38 + s5x2 * s6x19 + (d0 >> 26); d0 &= m26;
                d2 = s0x2 * b2 + s1x2 * b1 + s3x2 * s9x38 + s4x2 * s8x19 + s5x2 * s7x38 + b6 * s6x19 + (d1 >> 25); d1 &= m25;
                d3 = s0x2 * b3 + s1x2 * b2 + b4 * s9x38 + s5x2 * s8x19 + b6 * s7x38 + (d2 >> 26); d2 &= m26;
                d4 = s0x2 * b4 + s1x2 * s3x2 + b2 * b2 + s5x2 * s9x38 + s6x2 * s8x19 + b7 * s7x38 + (d3 >> 25); d3 &= m25;
                d5 = s0x2 * b5 + s1x2 * b4 + s2x2 * b3 + b6 * s9x38 + s7x2 * s8x19 + (d4 >> 26); d4 &= m26;
                d6 = s0x2 * b6 + s1x2 * s5x2 + s2x2 * b4 + s3x2 * b3 + s7x2 * s9x38 + b8 * s8x19 + (d5 >> 25); d5 &= m25;
                d7 = s0x2 * b7 + s1x2 * b6 + s2x2 * b5 + s3x2 * b4 + b8 * s9x38 + (d6 >> 26); d6 &= m26;
                d8 = s0x2 * b8 + s1x2 * s7x2 + s2x2 * b6 + s3x2 * s5x2 + b4 * b4 + b9 * s9x38 + (d7 >> 25); d7 &= m25;
                d9 = s0x2 * b9 + s1x2 * b8 + s2x2 * b7 + s3x2 * b6 + s4x2 * b5 + (d8 >> 26); d8 &= m26;
                d0 += (d9 >> 25) * k19; d9 &= m25;
                d1 += d0 >> 26; d0 &= m26;
                // x2 = AA BB.
                f1x2 = c1 + c1; f3x2 = c3 + c3; f5x2 = c5 + c5; f7x2 = c7 + c7; f9x2 = c9 + c9;
                x2_0 = c0 * d0 + k19 * (f1x2 * d9 + c2 * d8 + f3x2 * d7 + c4 * d6 + f5x2 * d5 + c6 * d4 + f7x2 * d3 + c8 * d2 + f9x2 * d1);
                x2_1 = c0 * d1 + c1 * d0 + k19 * (c2 * d9 + c3 * d8 + c4 * d7 + c5 * d6 + c6 * d5 + c7 * d4 + c8 * d3 + c9 * d2) + (x2_0 >> 26); x2_0 &= m26;
                x2_2 = c0 * d2 + f1x2 * d1 + c2 * d0 + k19 * (f3x2 * d9 + c4 * d8 + f5x2 * d7 + c6 * d6 + f7x2 * d5 + c8 * d4 + f9x2 * d3) + (x2_1 >> 25); x2_1 &= m25;
                x2_3 = c0 * d3 + c1 * d2 + c2 * d1 + c3 * d0 + k19 * (c4 * d9 + c5 * d8 + c6 * d7 + c7 * d6 + c8 * d5 + c9 * d4) + (x2_2 >> 26); x2_2 &= m26;
                x2_4 = c0 * d4 + f1x2 * d3 + c2 * d2 + f3x2 * d1 + c4 * d0 + k19 * (f5x2 * d9 + c6 * d8 + f7x2 * d7 + c8 * d6 + f9x2 * d5) + (x2_3 >> 25); x2_3 &= m25;
                x2_5 = c0 * d5 + c1 * d4 + c2 * d3 + c3 * d2 + c4 * d1 + c5 * d0 + k19 * (c6 * d9 + c7 * d8 + c8 * d7 + c9 * d6) + (x2_4 >> 26); x2_4 &= m26;
                x2_6 = c0 * d6 + f1x2 * d5 + c2 * d4 + f3x2 * d3 + c4 * d2 + f5x2 * d1 + c6 * d0 + k19 * (f7x2 * d9 + c8 * d8 + f9x2 * d7) + (x2_5 >> 25); x2_5 &= m25;
                x2_7 = c0 * d7 + c1 * d6 + c2 * d5 + c3 * d4 + c4 * d3 + c5 * d2 + c6 * d1 + c7 * d0 + k19 * (c8 * d9 + c9 * d8) + (x2_6 >> 26); x2_6 &= m26;
                x2_8 = c0 * d8 + f1x2 * d7 + c2 * d6 + f3x2 * d5 + c4 * d4 + f5x2 * d3 + c6 * d2 + f7x2 * d1 + c8 * d0 + k19 * (f9x2 * d9) + (x2_7 >> 25); x2_7 &= m25;
                x2_9 = c0 * d9 + c1 * d8 + c2 * d7 + c3 * d6 + c4 * d5 + c5 * d4 + c6 * d3 + c7 * d2 + c8 * d1 + c9 * d0 + (x2_8 >> 26); x2_8 &= m26;
                x2_0 += (x2_9 >> 25) * k19; x2_9 &= m25;
                x2_1 += x2_0 >> 26; x2_0 &= m26;
                // z2 = E (AA + a24 E) for E = AA - BB.
                a0 = c0 - d0; a1 = c1 - d1; a2 = c2 - d2; a3 = c3 - d3; a4 = c4 - d4;
                a5 = c5 - d5; a6 = c6 - d6; a7 = c7 - d7; a8 = c8 - d8; a9 = c9 - d9;
                b0 = c0 + a24 * a0;
                b1 = c1 + a24 * a1 + (b0 >> 26); b0 &= m26;
                b2 = c2 + a24 * a2 + (b1 >> 25); b1 &= m25;
                b3 = c3 + a24 * a3 + (b2 >> 26); b2 &= m26;
                b4 = c4 + a24 * a4 + (b3 >> 25); b3 &= m25;
                b5 = c5 + a24 * a5 + (b4 >> 26); b4 &= m26;
                b6 = c6 + a24 * a6 + (b5 >> 25); b5 &= m25;
                b7 = c7 + a24 * a7 + (b6 >> 26); b6 &= m26;
                b8 = c8 + a24 * a8 + (b7 >> 25); b7 &= m25;
                b9 = c9 + a24 * a9 + (b8 >> 26); b8 &= m26;
                b0 += (b9 >> 25) * k19; b9 &= m25;
                f1x2 = a1 + a1; f3x2 = a3 + a3; f5x2 = a5 + a5; f7x2 = a7 + a7; f9x2 = a9 + a9;
                z2_0 = a0 * b0 + k19 * (f1x2 * b9 + a2 * b8 + f3x2 * b7 + a4 * b6 + f5x2 * b5 + a6 * b4 + f7x2 * b3 + a8 * b2 + f9x2 * b1);
                z2_1 = a0 * b1 + a1 * b0 + k19 * (a2 * b9 + a3 * b8 + a4 * b7 + a5 * b6 + a6 * b5 + a7 * b4 + a8 * b3 + a9 * b2) + (z2_0 >> 26); z2_0 &= m26;
                z2_2 = a0 * b2 + f1x2 * b1 + a2 * b0 + k19 * (f3x2 * b9 + a4 * b8 + f5x2 * b7 + a6 * b6 + f7x2 * b5 + a8 * b4 + f9x2 * b3) + (z2_1 >> 25); z2_1 &= m25;
                z2_3 = a0 * b3 + a1 * b2 + a2 * b1 + a3 * b0 + k19 * (a4 * b9 + a5 * b8 + a6 * b7 + a7 * b6 + a8 * b5 + a9 * b4) + (z2_2 >> 26); z2_2 &= m26;
                z2_4 = a0 * b4 + f1x2 * b3 + a2 * b2 + f3x2 * b1 + a4 * b0 + k19 * (f5x2 * b9 + a6 * b8 + f7x2 * b7 + a8 * b6 + f9x2 * b5) + (z2_3 >> 25); z2_3 &= m25;
                z2_5 = a0 * b5 + a1 * b4 + a2 * b3 + a3 * b2 + a4 * b1 + a5 * b0 + k19 * (a6 * b9 + a7 * b8 + a8 * b7 + a9 * b6) + (z2_4 >> 26); z2_4 &= m26;
                z2_6 = a0 * b6 + f1x2 * b5 + a2 * b4 + f3x2 * b3 + a4 * b2 + f5x2 * b1 + a6 * b0 + k19 * (f7x2 * b9 + a8 * b8 + f9x2 * b7) + (z2_5 >> 25); z2_5 &= m25;
                z2_7 = a0 * b7 + a1 * b6 + a2 * b5 + a3 * b4 + a4 * b3 + a5 * b2 + a6 * b1 + a7 * b0 + k19 * (a8 * b9 + a9 * b8) + (z2_6 >> 26); z2_6 &= m26;
                z2_8 = a0 * b8 + f1x2 * b7 + a2 * b6 + f3x2 * b5 + a4 * b4 + f5x2 * b3 + a6 * b2 + f7x2 * b1 + a8 * b0 + k19 * (f9x2 * b9) + (z2_7 >> 25); z2_7 &= m25;
                z2_9 = a0 * b9 + a1 * b8 + a2 * b7 + a3 * b6 + a4 * b5 + a5 * b4 + a6 * b3 + a7 * b2 + a8 * b1 + a9 * b0 + (z2_8 >> 26); z2_8 &= m26;
                z2_0 += (z2_9 >> 25) * k19; z2_9 &= m25;
                z2_1 += z2_0 >> 26; z2_0 &= m26;
            }
            x[0] = (int)x2_0; x[1] = (int)x2_1; x[2] = (int)x2_2; x[3] = (int)x2_3; x[4] = (int)x2_4;
            x[5] = (int)x2_5; x[6] = (int)x2_6; x[7] = (int)x2_7; x[8] = (int)x2_8; x[9] = (int)x2_9;
            z[0] = (int)z2_0; z[1] = (int)z2_1; z[2] = (int)z2_2; z[3] = (int)z2_3; z[4] = (int)z2_4;
            z[5] = (int)z2_5; z[6] = (int)z2_6; z[7] = (int)z2_7; z[8] = (int)z2_8; z[9] = (int)z2_9;
        }
    }
}
