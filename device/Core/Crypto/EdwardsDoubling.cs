namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// Point doubling on edwards25519, to projective or extended coordinates, written out in long locals.
    /// With A = X^2, B = Y^2, C = 2Z^2, H = A + B, G = B - A, E = (X + Y)^2 - H and F = C - G:
    /// 2p = (E F : G H : G F : E H) (Hisil, Wong, Carter, Dawson 2008, for a = -1, with H and F both
    /// negated in y = H/F, which leaves y as it is). The products, squares and carries are
    /// those of <see cref="Field25519Products"/>, inlined (same terms, same carry chain, same operand
    /// sizes: E is 3-sized, H 2-sized, G 1-sized and F 3-sized, so no product overflows), and a wrapped
    /// product column is summed before its one multiplication by 19, and limb k's sum takes limb k - 1's carry
    /// as its last term (the values of carrying after all ten sums, two instructions less per link). Doublings are most of a
    /// verification's work, and on nanoFramework's interpreter the calls, array loads and stores and
    /// separate additions between the field operations cost about a fifth of a doubling. Nothing here
    /// branches on the point, though only the verifier (public data) uses it.
    /// </summary>
    internal static class EdwardsDoubling
    {
        /// <summary>r = 2p, reading p's X, Y and Z; r's T is set only when <paramref name="extended"/>. r may be p.</summary>
        public static void Double(EdwardsPoint r, EdwardsPoint p, bool extended)
        {
            long m26 = 0x3ffffff, m25 = 0x1ffffff, k19 = 19, k38 = 38;
            int[] px = p.X, py = p.Y, pz = p.Z, rx = r.X, ry = r.Y, rz = r.Z, rt = r.T;
            long x0 = px[0], x1 = px[1], x2 = px[2], x3 = px[3], x4 = px[4], x5 = px[5], x6 = px[6], x7 = px[7], x8 = px[8], x9 = px[9];
            long y0 = py[0], y1 = py[1], y2 = py[2], y3 = py[3], y4 = py[4], y5 = py[5], y6 = py[6], y7 = py[7], y8 = py[8], y9 = py[9];
            long z0 = pz[0], z1 = pz[1], z2 = pz[2], z3 = pz[3], z4 = pz[4], z5 = pz[5], z6 = pz[6], z7 = pz[7], z8 = pz[8], z9 = pz[9];
            long a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, b0, b1, b2, b3, b4, b5, b6, b7, b8, b9;
            long c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, e0, e1, e2, e3, e4, e5, e6, e7, e8, e9;
            long h0, h1, h2, h3, h4, h5, h6, h7, h8, h9;
            long f1x2, f3x2, f5x2, f7x2, f9x2, s0x2, s1x2, s2x2, s3x2, s4x2, s5x2, s6x2, s7x2, s5x38, s6x19, s7x38, s8x19, s9x38;

            // A = X^2, B = Y^2, Z2 = Z^2, E' = (X + Y)^2.
            s0x2 = x0 + x0; s1x2 = x1 + x1; s2x2 = x2 + x2; s3x2 = x3 + x3; s4x2 = x4 + x4; s5x2 = x5 + x5; s6x2 = x6 + x6; s7x2 = x7 + x7;
            s5x38 = k38 * x5; s6x19 = k19 * x6; s7x38 = k38 * x7; s8x19 = k19 * x8; s9x38 = k38 * x9;
            a0 = x0 * x0 + s1x2 * s9x38 + s2x2 * s8x19 + s3x2 * s7x38 + s4x2 * s6x19 + x5 * s5x38;
            a1 = s0x2 * x1 + x2 * s9x38 + s3x2 * s8x19 + x4 * s7x38 + s5x2 * s6x19 + (a0 >> 26); a0 &= m26;
            a2 = s0x2 * x2 + s1x2 * x1 + s3x2 * s9x38 + s4x2 * s8x19 + s5x2 * s7x38 + x6 * s6x19 + (a1 >> 25); a1 &= m25;
            a3 = s0x2 * x3 + s1x2 * x2 + x4 * s9x38 + s5x2 * s8x19 + x6 * s7x38 + (a2 >> 26); a2 &= m26;
            a4 = s0x2 * x4 + s1x2 * s3x2 + x2 * x2 + s5x2 * s9x38 + s6x2 * s8x19 + x7 * s7x38 + (a3 >> 25); a3 &= m25;
            a5 = s0x2 * x5 + s1x2 * x4 + s2x2 * x3 + x6 * s9x38 + s7x2 * s8x19 + (a4 >> 26); a4 &= m26;
            a6 = s0x2 * x6 + s1x2 * s5x2 + s2x2 * x4 + s3x2 * x3 + s7x2 * s9x38 + x8 * s8x19 + (a5 >> 25); a5 &= m25;
            a7 = s0x2 * x7 + s1x2 * x6 + s2x2 * x5 + s3x2 * x4 + x8 * s9x38 + (a6 >> 26); a6 &= m26;
            a8 = s0x2 * x8 + s1x2 * s7x2 + s2x2 * x6 + s3x2 * s5x2 + x4 * x4 + x9 * s9x38 + (a7 >> 25); a7 &= m25;
            a9 = s0x2 * x9 + s1x2 * x8 + s2x2 * x7 + s3x2 * x6 + s4x2 * x5 + (a8 >> 26); a8 &= m26;
            a0 += (a9 >> 25) * k19; a9 &= m25; a1 += a0 >> 26; a0 &= m26;
            s0x2 = y0 + y0; s1x2 = y1 + y1; s2x2 = y2 + y2; s3x2 = y3 + y3; s4x2 = y4 + y4; s5x2 = y5 + y5; s6x2 = y6 + y6; s7x2 = y7 + y7;
            s5x38 = k38 * y5; s6x19 = k19 * y6; s7x38 = k38 * y7; s8x19 = k19 * y8; s9x38 = k38 * y9;
            b0 = y0 * y0 + s1x2 * s9x38 + s2x2 * s8x19 + s3x2 * s7x38 + s4x2 * s6x19 + y5 * s5x38;
            b1 = s0x2 * y1 + y2 * s9x38 + s3x2 * s8x19 + y4 * s7x38 + s5x2 * s6x19 + (b0 >> 26); b0 &= m26;
            b2 = s0x2 * y2 + s1x2 * y1 + s3x2 * s9x38 + s4x2 * s8x19 + s5x2 * s7x38 + y6 * s6x19 + (b1 >> 25); b1 &= m25;
            b3 = s0x2 * y3 + s1x2 * y2 + y4 * s9x38 + s5x2 * s8x19 + y6 * s7x38 + (b2 >> 26); b2 &= m26;
            b4 = s0x2 * y4 + s1x2 * s3x2 + y2 * y2 + s5x2 * s9x38 + s6x2 * s8x19 + y7 * s7x38 + (b3 >> 25); b3 &= m25;
            b5 = s0x2 * y5 + s1x2 * y4 + s2x2 * y3 + y6 * s9x38 + s7x2 * s8x19 + (b4 >> 26); b4 &= m26;
            b6 = s0x2 * y6 + s1x2 * s5x2 + s2x2 * y4 + s3x2 * y3 + s7x2 * s9x38 + y8 * s8x19 + (b5 >> 25); b5 &= m25;
            b7 = s0x2 * y7 + s1x2 * y6 + s2x2 * y5 + s3x2 * y4 + y8 * s9x38 + (b6 >> 26); b6 &= m26;
            b8 = s0x2 * y8 + s1x2 * s7x2 + s2x2 * y6 + s3x2 * s5x2 + y4 * y4 + y9 * s9x38 + (b7 >> 25); b7 &= m25;
            b9 = s0x2 * y9 + s1x2 * y8 + s2x2 * y7 + s3x2 * y6 + s4x2 * y5 + (b8 >> 26); b8 &= m26;
            b0 += (b9 >> 25) * k19; b9 &= m25; b1 += b0 >> 26; b0 &= m26;
            s0x2 = z0 + z0; s1x2 = z1 + z1; s2x2 = z2 + z2; s3x2 = z3 + z3; s4x2 = z4 + z4; s5x2 = z5 + z5; s6x2 = z6 + z6; s7x2 = z7 + z7;
            s5x38 = k38 * z5; s6x19 = k19 * z6; s7x38 = k38 * z7; s8x19 = k19 * z8; s9x38 = k38 * z9;
            c0 = z0 * z0 + s1x2 * s9x38 + s2x2 * s8x19 + s3x2 * s7x38 + s4x2 * s6x19 + z5 * s5x38;
            c1 = s0x2 * z1 + z2 * s9x38 + s3x2 * s8x19 + z4 * s7x38 + s5x2 * s6x19 + (c0 >> 26); c0 &= m26;
            c2 = s0x2 * z2 + s1x2 * z1 + s3x2 * s9x38 + s4x2 * s8x19 + s5x2 * s7x38 + z6 * s6x19 + (c1 >> 25); c1 &= m25;
            c3 = s0x2 * z3 + s1x2 * z2 + z4 * s9x38 + s5x2 * s8x19 + z6 * s7x38 + (c2 >> 26); c2 &= m26;
            c4 = s0x2 * z4 + s1x2 * s3x2 + z2 * z2 + s5x2 * s9x38 + s6x2 * s8x19 + z7 * s7x38 + (c3 >> 25); c3 &= m25;
            c5 = s0x2 * z5 + s1x2 * z4 + s2x2 * z3 + z6 * s9x38 + s7x2 * s8x19 + (c4 >> 26); c4 &= m26;
            c6 = s0x2 * z6 + s1x2 * s5x2 + s2x2 * z4 + s3x2 * z3 + s7x2 * s9x38 + z8 * s8x19 + (c5 >> 25); c5 &= m25;
            c7 = s0x2 * z7 + s1x2 * z6 + s2x2 * z5 + s3x2 * z4 + z8 * s9x38 + (c6 >> 26); c6 &= m26;
            c8 = s0x2 * z8 + s1x2 * s7x2 + s2x2 * z6 + s3x2 * s5x2 + z4 * z4 + z9 * s9x38 + (c7 >> 25); c7 &= m25;
            c9 = s0x2 * z9 + s1x2 * z8 + s2x2 * z7 + s3x2 * z6 + s4x2 * z5 + (c8 >> 26); c8 &= m26;
            c0 += (c9 >> 25) * k19; c9 &= m25; c1 += c0 >> 26; c0 &= m26;
            x0 = x0 + y0; x1 = x1 + y1; x2 = x2 + y2; x3 = x3 + y3; x4 = x4 + y4;
            x5 = x5 + y5; x6 = x6 + y6; x7 = x7 + y7; x8 = x8 + y8; x9 = x9 + y9;
            s0x2 = x0 + x0; s1x2 = x1 + x1; s2x2 = x2 + x2; s3x2 = x3 + x3; s4x2 = x4 + x4; s5x2 = x5 + x5; s6x2 = x6 + x6; s7x2 = x7 + x7;
            s5x38 = k38 * x5; s6x19 = k19 * x6; s7x38 = k38 * x7; s8x19 = k19 * x8; s9x38 = k38 * x9;
            e0 = x0 * x0 + s1x2 * s9x38 + s2x2 * s8x19 + s3x2 * s7x38 + s4x2 * s6x19 + x5 * s5x38;
            e1 = s0x2 * x1 + x2 * s9x38 + s3x2 * s8x19 + x4 * s7x38 + s5x2 * s6x19 + (e0 >> 26); e0 &= m26;
            e2 = s0x2 * x2 + s1x2 * x1 + s3x2 * s9x38 + s4x2 * s8x19 + s5x2 * s7x38 + x6 * s6x19 + (e1 >> 25); e1 &= m25;
            e3 = s0x2 * x3 + s1x2 * x2 + x4 * s9x38 + s5x2 * s8x19 + x6 * s7x38 + (e2 >> 26); e2 &= m26;
            e4 = s0x2 * x4 + s1x2 * s3x2 + x2 * x2 + s5x2 * s9x38 + s6x2 * s8x19 + x7 * s7x38 + (e3 >> 25); e3 &= m25;
            e5 = s0x2 * x5 + s1x2 * x4 + s2x2 * x3 + x6 * s9x38 + s7x2 * s8x19 + (e4 >> 26); e4 &= m26;
            e6 = s0x2 * x6 + s1x2 * s5x2 + s2x2 * x4 + s3x2 * x3 + s7x2 * s9x38 + x8 * s8x19 + (e5 >> 25); e5 &= m25;
            e7 = s0x2 * x7 + s1x2 * x6 + s2x2 * x5 + s3x2 * x4 + x8 * s9x38 + (e6 >> 26); e6 &= m26;
            e8 = s0x2 * x8 + s1x2 * s7x2 + s2x2 * x6 + s3x2 * s5x2 + x4 * x4 + x9 * s9x38 + (e7 >> 25); e7 &= m25;
            e9 = s0x2 * x9 + s1x2 * x8 + s2x2 * x7 + s3x2 * x6 + s4x2 * x5 + (e8 >> 26); e8 &= m26;
            e0 += (e9 >> 25) * k19; e9 &= m25; e1 += e0 >> 26; e0 &= m26;
            // H = A + B (in x), G = B - A (in y), E = E' - H, F = 2 Z^2 - G (in c).
            x0 = a0 + b0; x1 = a1 + b1; x2 = a2 + b2; x3 = a3 + b3; x4 = a4 + b4;
            x5 = a5 + b5; x6 = a6 + b6; x7 = a7 + b7; x8 = a8 + b8; x9 = a9 + b9;
            y0 = b0 - a0; y1 = b1 - a1; y2 = b2 - a2; y3 = b3 - a3; y4 = b4 - a4;
            y5 = b5 - a5; y6 = b6 - a6; y7 = b7 - a7; y8 = b8 - a8; y9 = b9 - a9;
            e0 = e0 - x0; e1 = e1 - x1; e2 = e2 - x2; e3 = e3 - x3; e4 = e4 - x4;
            e5 = e5 - x5; e6 = e6 - x6; e7 = e7 - x7; e8 = e8 - x8; e9 = e9 - x9;
            c0 += c0 - y0; c1 += c1 - y1; c2 += c2 - y2; c3 += c3 - y3; c4 += c4 - y4;
            c5 += c5 - y5; c6 += c6 - y6; c7 += c7 - y7; c8 += c8 - y8; c9 += c9 - y9;
            // 2p = (E F : G H : G F : E H).
            f1x2 = e1 + e1; f3x2 = e3 + e3; f5x2 = e5 + e5; f7x2 = e7 + e7; f9x2 = e9 + e9;
            h0 = e0 * c0 + k19 * (f1x2 * c9 + e2 * c8 + f3x2 * c7 + e4 * c6 + f5x2 * c5 + e6 * c4 + f7x2 * c3 + e8 * c2 + f9x2 * c1);
            h1 = e0 * c1 + e1 * c0 + k19 * (e2 * c9 + e3 * c8 + e4 * c7 + e5 * c6 + e6 * c5 + e7 * c4 + e8 * c3 + e9 * c2) + (h0 >> 26); h0 &= m26;
            h2 = e0 * c2 + f1x2 * c1 + e2 * c0 + k19 * (f3x2 * c9 + e4 * c8 + f5x2 * c7 + e6 * c6 + f7x2 * c5 + e8 * c4 + f9x2 * c3) + (h1 >> 25); h1 &= m25;
            h3 = e0 * c3 + e1 * c2 + e2 * c1 + e3 * c0 + k19 * (e4 * c9 + e5 * c8 + e6 * c7 + e7 * c6 + e8 * c5 + e9 * c4) + (h2 >> 26); rx[2] = (int)h2 & 0x3ffffff;
            h4 = e0 * c4 + f1x2 * c3 + e2 * c2 + f3x2 * c1 + e4 * c0 + k19 * (f5x2 * c9 + e6 * c8 + f7x2 * c7 + e8 * c6 + f9x2 * c5) + (h3 >> 25); rx[3] = (int)h3 & 0x1ffffff;
            h5 = e0 * c5 + e1 * c4 + e2 * c3 + e3 * c2 + e4 * c1 + e5 * c0 + k19 * (e6 * c9 + e7 * c8 + e8 * c7 + e9 * c6) + (h4 >> 26); rx[4] = (int)h4 & 0x3ffffff;
            h6 = e0 * c6 + f1x2 * c5 + e2 * c4 + f3x2 * c3 + e4 * c2 + f5x2 * c1 + e6 * c0 + k19 * (f7x2 * c9 + e8 * c8 + f9x2 * c7) + (h5 >> 25); rx[5] = (int)h5 & 0x1ffffff;
            h7 = e0 * c7 + e1 * c6 + e2 * c5 + e3 * c4 + e4 * c3 + e5 * c2 + e6 * c1 + e7 * c0 + k19 * (e8 * c9 + e9 * c8) + (h6 >> 26); rx[6] = (int)h6 & 0x3ffffff;
            h8 = e0 * c8 + f1x2 * c7 + e2 * c6 + f3x2 * c5 + e4 * c4 + f5x2 * c3 + e6 * c2 + f7x2 * c1 + e8 * c0 + k19 * (f9x2 * c9) + (h7 >> 25); rx[7] = (int)h7 & 0x1ffffff;
            h9 = e0 * c9 + e1 * c8 + e2 * c7 + e3 * c6 + e4 * c5 + e5 * c4 + e6 * c3 + e7 * c2 + e8 * c1 + e9 * c0 + (h8 >> 26); rx[8] = (int)h8 & 0x3ffffff;
            h0 += (h9 >> 25) * k19; rx[9] = (int)h9 & 0x1ffffff; h1 += h0 >> 26; rx[0] = (int)h0 & 0x3ffffff; rx[1] = (int)h1;
            f1x2 = y1 + y1; f3x2 = y3 + y3; f5x2 = y5 + y5; f7x2 = y7 + y7; f9x2 = y9 + y9;
            h0 = y0 * x0 + k19 * (f1x2 * x9 + y2 * x8 + f3x2 * x7 + y4 * x6 + f5x2 * x5 + y6 * x4 + f7x2 * x3 + y8 * x2 + f9x2 * x1);
            h1 = y0 * x1 + y1 * x0 + k19 * (y2 * x9 + y3 * x8 + y4 * x7 + y5 * x6 + y6 * x5 + y7 * x4 + y8 * x3 + y9 * x2) + (h0 >> 26); h0 &= m26;
            h2 = y0 * x2 + f1x2 * x1 + y2 * x0 + k19 * (f3x2 * x9 + y4 * x8 + f5x2 * x7 + y6 * x6 + f7x2 * x5 + y8 * x4 + f9x2 * x3) + (h1 >> 25); h1 &= m25;
            h3 = y0 * x3 + y1 * x2 + y2 * x1 + y3 * x0 + k19 * (y4 * x9 + y5 * x8 + y6 * x7 + y7 * x6 + y8 * x5 + y9 * x4) + (h2 >> 26); ry[2] = (int)h2 & 0x3ffffff;
            h4 = y0 * x4 + f1x2 * x3 + y2 * x2 + f3x2 * x1 + y4 * x0 + k19 * (f5x2 * x9 + y6 * x8 + f7x2 * x7 + y8 * x6 + f9x2 * x5) + (h3 >> 25); ry[3] = (int)h3 & 0x1ffffff;
            h5 = y0 * x5 + y1 * x4 + y2 * x3 + y3 * x2 + y4 * x1 + y5 * x0 + k19 * (y6 * x9 + y7 * x8 + y8 * x7 + y9 * x6) + (h4 >> 26); ry[4] = (int)h4 & 0x3ffffff;
            h6 = y0 * x6 + f1x2 * x5 + y2 * x4 + f3x2 * x3 + y4 * x2 + f5x2 * x1 + y6 * x0 + k19 * (f7x2 * x9 + y8 * x8 + f9x2 * x7) + (h5 >> 25); ry[5] = (int)h5 & 0x1ffffff;
            h7 = y0 * x7 + y1 * x6 + y2 * x5 + y3 * x4 + y4 * x3 + y5 * x2 + y6 * x1 + y7 * x0 + k19 * (y8 * x9 + y9 * x8) + (h6 >> 26); ry[6] = (int)h6 & 0x3ffffff;
            h8 = y0 * x8 + f1x2 * x7 + y2 * x6 + f3x2 * x5 + y4 * x4 + f5x2 * x3 + y6 * x2 + f7x2 * x1 + y8 * x0 + k19 * (f9x2 * x9) + (h7 >> 25); ry[7] = (int)h7 & 0x1ffffff;
            h9 = y0 * x9 + y1 * x8 + y2 * x7 + y3 * x6 + y4 * x5 + y5 * x4 + y6 * x3 + y7 * x2 + y8 * x1 + y9 * x0 + (h8 >> 26); ry[8] = (int)h8 & 0x3ffffff;
            h0 += (h9 >> 25) * k19; ry[9] = (int)h9 & 0x1ffffff; h1 += h0 >> 26; ry[0] = (int)h0 & 0x3ffffff; ry[1] = (int)h1;
            h0 = y0 * c0 + k19 * (f1x2 * c9 + y2 * c8 + f3x2 * c7 + y4 * c6 + f5x2 * c5 + y6 * c4 + f7x2 * c3 + y8 * c2 + f9x2 * c1);
            h1 = y0 * c1 + y1 * c0 + k19 * (y2 * c9 + y3 * c8 + y4 * c7 + y5 * c6 + y6 * c5 + y7 * c4 + y8 * c3 + y9 * c2) + (h0 >> 26); h0 &= m26;
            h2 = y0 * c2 + f1x2 * c1 + y2 * c0 + k19 * (f3x2 * c9 + y4 * c8 + f5x2 * c7 + y6 * c6 + f7x2 * c5 + y8 * c4 + f9x2 * c3) + (h1 >> 25); h1 &= m25;
            h3 = y0 * c3 + y1 * c2 + y2 * c1 + y3 * c0 + k19 * (y4 * c9 + y5 * c8 + y6 * c7 + y7 * c6 + y8 * c5 + y9 * c4) + (h2 >> 26); rz[2] = (int)h2 & 0x3ffffff;
            h4 = y0 * c4 + f1x2 * c3 + y2 * c2 + f3x2 * c1 + y4 * c0 + k19 * (f5x2 * c9 + y6 * c8 + f7x2 * c7 + y8 * c6 + f9x2 * c5) + (h3 >> 25); rz[3] = (int)h3 & 0x1ffffff;
            h5 = y0 * c5 + y1 * c4 + y2 * c3 + y3 * c2 + y4 * c1 + y5 * c0 + k19 * (y6 * c9 + y7 * c8 + y8 * c7 + y9 * c6) + (h4 >> 26); rz[4] = (int)h4 & 0x3ffffff;
            h6 = y0 * c6 + f1x2 * c5 + y2 * c4 + f3x2 * c3 + y4 * c2 + f5x2 * c1 + y6 * c0 + k19 * (f7x2 * c9 + y8 * c8 + f9x2 * c7) + (h5 >> 25); rz[5] = (int)h5 & 0x1ffffff;
            h7 = y0 * c7 + y1 * c6 + y2 * c5 + y3 * c4 + y4 * c3 + y5 * c2 + y6 * c1 + y7 * c0 + k19 * (y8 * c9 + y9 * c8) + (h6 >> 26); rz[6] = (int)h6 & 0x3ffffff;
            h8 = y0 * c8 + f1x2 * c7 + y2 * c6 + f3x2 * c5 + y4 * c4 + f5x2 * c3 + y6 * c2 + f7x2 * c1 + y8 * c0 + k19 * (f9x2 * c9) + (h7 >> 25); rz[7] = (int)h7 & 0x1ffffff;
            h9 = y0 * c9 + y1 * c8 + y2 * c7 + y3 * c6 + y4 * c5 + y5 * c4 + y6 * c3 + y7 * c2 + y8 * c1 + y9 * c0 + (h8 >> 26); rz[8] = (int)h8 & 0x3ffffff;
            h0 += (h9 >> 25) * k19; rz[9] = (int)h9 & 0x1ffffff; h1 += h0 >> 26; rz[0] = (int)h0 & 0x3ffffff; rz[1] = (int)h1;
            if (extended)
            {
                f1x2 = e1 + e1; f3x2 = e3 + e3; f5x2 = e5 + e5; f7x2 = e7 + e7; f9x2 = e9 + e9;
                h0 = e0 * x0 + k19 * (f1x2 * x9 + e2 * x8 + f3x2 * x7 + e4 * x6 + f5x2 * x5 + e6 * x4 + f7x2 * x3 + e8 * x2 + f9x2 * x1);
                h1 = e0 * x1 + e1 * x0 + k19 * (e2 * x9 + e3 * x8 + e4 * x7 + e5 * x6 + e6 * x5 + e7 * x4 + e8 * x3 + e9 * x2) + (h0 >> 26); h0 &= m26;
                h2 = e0 * x2 + f1x2 * x1 + e2 * x0 + k19 * (f3x2 * x9 + e4 * x8 + f5x2 * x7 + e6 * x6 + f7x2 * x5 + e8 * x4 + f9x2 * x3) + (h1 >> 25); h1 &= m25;
                h3 = e0 * x3 + e1 * x2 + e2 * x1 + e3 * x0 + k19 * (e4 * x9 + e5 * x8 + e6 * x7 + e7 * x6 + e8 * x5 + e9 * x4) + (h2 >> 26); rt[2] = (int)h2 & 0x3ffffff;
                h4 = e0 * x4 + f1x2 * x3 + e2 * x2 + f3x2 * x1 + e4 * x0 + k19 * (f5x2 * x9 + e6 * x8 + f7x2 * x7 + e8 * x6 + f9x2 * x5) + (h3 >> 25); rt[3] = (int)h3 & 0x1ffffff;
                h5 = e0 * x5 + e1 * x4 + e2 * x3 + e3 * x2 + e4 * x1 + e5 * x0 + k19 * (e6 * x9 + e7 * x8 + e8 * x7 + e9 * x6) + (h4 >> 26); rt[4] = (int)h4 & 0x3ffffff;
                h6 = e0 * x6 + f1x2 * x5 + e2 * x4 + f3x2 * x3 + e4 * x2 + f5x2 * x1 + e6 * x0 + k19 * (f7x2 * x9 + e8 * x8 + f9x2 * x7) + (h5 >> 25); rt[5] = (int)h5 & 0x1ffffff;
                h7 = e0 * x7 + e1 * x6 + e2 * x5 + e3 * x4 + e4 * x3 + e5 * x2 + e6 * x1 + e7 * x0 + k19 * (e8 * x9 + e9 * x8) + (h6 >> 26); rt[6] = (int)h6 & 0x3ffffff;
                h8 = e0 * x8 + f1x2 * x7 + e2 * x6 + f3x2 * x5 + e4 * x4 + f5x2 * x3 + e6 * x2 + f7x2 * x1 + e8 * x0 + k19 * (f9x2 * x9) + (h7 >> 25); rt[7] = (int)h7 & 0x1ffffff;
                h9 = e0 * x9 + e1 * x8 + e2 * x7 + e3 * x6 + e4 * x5 + e5 * x4 + e6 * x3 + e7 * x2 + e8 * x1 + e9 * x0 + (h8 >> 26); rt[8] = (int)h8 & 0x3ffffff;
                h0 += (h9 >> 25) * k19; rt[9] = (int)h9 & 0x1ffffff; h1 += h0 >> 26; rt[0] = (int)h0 & 0x3ffffff; rt[1] = (int)h1;
            }
        }
    }
}
