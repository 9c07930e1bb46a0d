namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// Point addition on edwards25519 written out in long locals, the addition of a table entry to the
    /// running sum of <see cref="EdwardsDoubleScalarMultiplication"/> and of a table's odd multiples.
    /// Formulas: Hisil, Wong, Carter, Dawson, "Twisted Edwards curves revisited" (2008), for a = -1,
    /// complete on edwards25519 (no input is special): with B = (Y1 + X1)(Y2 + X2), A = (Y1 - X1)(Y2 - X2),
    /// C = T1 2d T2, D = 2 Z1 Z2, E = B - A, H = B + A, G = D + C and F = D - C,
    /// p + q = (E F : G H : F G : E H), written as projective or extended coordinates in one method, with
    /// the products and carries of <see cref="Field25519Products"/> inlined (same terms, same carry chain,
    /// same operand sizes; a wrapped column is summed before its one multiplication by 19; limb k's sum takes
    /// limb k - 1's carry as its last term, the values of carrying after all ten sums for two instructions
    /// less per link). On nanoFramework's interpreter that saves the calls, the array traffic between field
    /// operations and the separate additions.
    /// Variable time (the branches follow the digits): only for public data.
    /// </summary>
    internal static class EdwardsAddition
    {
        /// <summary>
        /// r = r + q, or r - q when <paramref name="subtract"/>, for r extended (T set) and q a table entry
        /// at table[offset]: packed cached (y + x, y - x, z, 2d t, 40 ints, see <see cref="EdwardsCachedPoint.Pack"/>)
        /// or, when <paramref name="affine"/>, affine (y + x, y - x, 2d x y, 30 ints, Z = 1, as in
        /// <see cref="EdwardsBasePointTable"/>). r comes out extended when <paramref name="extended"/>,
        /// otherwise projective (T stale).
        /// </summary>
        public static void Add(EdwardsPoint r, int[] table, int offset, bool affine, bool subtract, bool extended)
        {
            long m26 = 0x3ffffff, m25 = 0x1ffffff, k19 = 19;
            int[] rx = r.X, ry = r.Y, rz = r.Z, rt = r.T;
            // -q swaps y + x with y - x and negates 2d t (C is negated below).
            int oPlus = subtract ? offset + 10 : offset, oMinus = subtract ? offset : offset + 10, oT = offset + (affine ? 20 : 30);
            long x0 = rx[0], x1 = rx[1], x2 = rx[2], x3 = rx[3], x4 = rx[4], x5 = rx[5], x6 = rx[6], x7 = rx[7], x8 = rx[8], x9 = rx[9];
            long y0 = ry[0], y1 = ry[1], y2 = ry[2], y3 = ry[3], y4 = ry[4], y5 = ry[5], y6 = ry[6], y7 = ry[7], y8 = ry[8], y9 = ry[9];
            long z0 = rz[0], z1 = rz[1], z2 = rz[2], z3 = rz[3], z4 = rz[4], z5 = rz[5], z6 = rz[6], z7 = rz[7], z8 = rz[8], z9 = rz[9];
            long t0 = rt[0], t1 = rt[1], t2 = rt[2], t3 = rt[3], t4 = rt[4], t5 = rt[5], t6 = rt[6], t7 = rt[7], t8 = rt[8], t9 = rt[9];
            long qp0 = table[oPlus], qp1 = table[oPlus + 1], qp2 = table[oPlus + 2], qp3 = table[oPlus + 3], qp4 = table[oPlus + 4], qp5 = table[oPlus + 5], qp6 = table[oPlus + 6], qp7 = table[oPlus + 7], qp8 = table[oPlus + 8], qp9 = table[oPlus + 9];
            long qm0 = table[oMinus], qm1 = table[oMinus + 1], qm2 = table[oMinus + 2], qm3 = table[oMinus + 3], qm4 = table[oMinus + 4], qm5 = table[oMinus + 5], qm6 = table[oMinus + 6], qm7 = table[oMinus + 7], qm8 = table[oMinus + 8], qm9 = table[oMinus + 9];
            long qt0 = table[oT], qt1 = table[oT + 1], qt2 = table[oT + 2], qt3 = table[oT + 3], qt4 = table[oT + 4], qt5 = table[oT + 5], qt6 = table[oT + 6], qt7 = table[oT + 7], qt8 = table[oT + 8], qt9 = table[oT + 9];
            long u0, u1, u2, u3, u4, u5, u6, u7, u8, u9, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9;
            long b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9;
            long d0, d1, d2, d3, d4, d5, d6, d7, d8, d9, h0, h1, h2, h3, h4, h5, h6, h7, h8, h9;
            long f1x2, f3x2, f5x2, f7x2, f9x2;

            // B = (Y1 + X1)(Y2 + X2), A = (Y1 - X1)(Y2 - X2), C = T1 2d T2, each carried.
            u0 = y0 - x0; u1 = y1 - x1; u2 = y2 - x2; u3 = y3 - x3; u4 = y4 - x4;
            u5 = y5 - x5; u6 = y6 - x6; u7 = y7 - x7; u8 = y8 - x8; u9 = y9 - x9;
            y0 = y0 + x0; y1 = y1 + x1; y2 = y2 + x2; y3 = y3 + x3; y4 = y4 + x4;
            y5 = y5 + x5; y6 = y6 + x6; y7 = y7 + x7; y8 = y8 + x8; y9 = y9 + x9;
            f1x2 = y1 + y1; f3x2 = y3 + y3; f5x2 = y5 + y5; f7x2 = y7 + y7; f9x2 = y9 + y9;
            b0 = y0 * qp0 + k19 * (f1x2 * qp9 + y2 * qp8 + f3x2 * qp7 + y4 * qp6 + f5x2 * qp5 + y6 * qp4 + f7x2 * qp3 + y8 * qp2 + f9x2 * qp1);
            b1 = y0 * qp1 + y1 * qp0 + k19 * (y2 * qp9 + y3 * qp8 + y4 * qp7 + y5 * qp6 + y6 * qp5 + y7 * qp4 + y8 * qp3 + y9 * qp2) + (b0 >> 26); b0 &= m26;
            b2 = y0 * qp2 + f1x2 * qp1 + y2 * qp0 + k19 * (f3x2 * qp9 + y4 * qp8 + f5x2 * qp7 + y6 * qp6 + f7x2 * qp5 + y8 * qp4 + f9x2 * qp3) + (b1 >> 25); b1 &= m25;
            b3 = y0 * qp3 + y1 * qp2 + y2 * qp1 + y3 * qp0 + k19 * (y4 * qp9 + y5 * qp8 + y6 * qp7 + y7 * qp6 + y8 * qp5 + y9 * qp4) + (b2 >> 26); b2 &= m26;
            b4 = y0 * qp4 + f1x2 * qp3 + y2 * qp2 + f3x2 * qp1 + y4 * qp0 + k19 * (f5x2 * qp9 + y6 * qp8 + f7x2 * qp7 + y8 * qp6 + f9x2 * qp5) + (b3 >> 25); b3 &= m25;
            b5 = y0 * qp5 + y1 * qp4 + y2 * qp3 + y3 * qp2 + y4 * qp1 + y5 * qp0 + k19 * (y6 * qp9 + y7 * qp8 + y8 * qp7 + y9 * qp6) + (b4 >> 26); b4 &= m26;
            b6 = y0 * qp6 + f1x2 * qp5 + y2 * qp4 + f3x2 * qp3 + y4 * qp2 + f5x2 * qp1 + y6 * qp0 + k19 * (f7x2 * qp9 + y8 * qp8 + f9x2 * qp7) + (b5 >> 25); b5 &= m25;
            b7 = y0 * qp7 + y1 * qp6 + y2 * qp5 + y3 * qp4 + y4 * qp3 + y5 * qp2 + y6 * qp1 + y7 * qp0 + k19 * (y8 * qp9 + y9 * qp8) + (b6 >> 26); b6 &= m26;
            b8 = y0 * qp8 + f1x2 * qp7 + y2 * qp6 + f3x2 * qp5 + y4 * qp4 + f5x2 * qp3 + y6 * qp2 + f7x2 * qp1 + y8 * qp0 + k19 * (f9x2 * qp9) + (b7 >> 25); b7 &= m25;
            b9 = y0 * qp9 + y1 * qp8 + y2 * qp7 + y3 * qp6 + y4 * qp5 + y5 * qp4 + y6 * qp3 + y7 * qp2 + y8 * qp1 + y9 * qp0 + (b8 >> 26); b8 &= m26;
            b0 += (b9 >> 25) * k19; b9 &= m25; b1 += b0 >> 26; b0 &= m26;
            f1x2 = u1 + u1; f3x2 = u3 + u3; f5x2 = u5 + u5; f7x2 = u7 + u7; f9x2 = u9 + u9;
            a0 = u0 * qm0 + k19 * (f1x2 * qm9 + u2 * qm8 + f3x2 * qm7 + u4 * qm6 + f5x2 * qm5 + u6 * qm4 + f7x2 * qm3 + u8 * qm2 + f9x2 * qm1);
            a1 = u0 * qm1 + u1 * qm0 + k19 * (u2 * qm9 + u3 * qm8 + u4 * qm7 + u5 * qm6 + u6 * qm5 + u7 * qm4 + u8 * qm3 + u9 * qm2) + (a0 >> 26); a0 &= m26;
            a2 = u0 * qm2 + f1x2 * qm1 + u2 * qm0 + k19 * (f3x2 * qm9 + u4 * qm8 + f5x2 * qm7 + u6 * qm6 + f7x2 * qm5 + u8 * qm4 + f9x2 * qm3) + (a1 >> 25); a1 &= m25;
            a3 = u0 * qm3 + u1 * qm2 + u2 * qm1 + u3 * qm0 + k19 * (u4 * qm9 + u5 * qm8 + u6 * qm7 + u7 * qm6 + u8 * qm5 + u9 * qm4) + (a2 >> 26); a2 &= m26;
            a4 = u0 * qm4 + f1x2 * qm3 + u2 * qm2 + f3x2 * qm1 + u4 * qm0 + k19 * (f5x2 * qm9 + u6 * qm8 + f7x2 * qm7 + u8 * qm6 + f9x2 * qm5) + (a3 >> 25); a3 &= m25;
            a5 = u0 * qm5 + u1 * qm4 + u2 * qm3 + u3 * qm2 + u4 * qm1 + u5 * qm0 + k19 * (u6 * qm9 + u7 * qm8 + u8 * qm7 + u9 * qm6) + (a4 >> 26); a4 &= m26;
            a6 = u0 * qm6 + f1x2 * qm5 + u2 * qm4 + f3x2 * qm3 + u4 * qm2 + f5x2 * qm1 + u6 * qm0 + k19 * (f7x2 * qm9 + u8 * qm8 + f9x2 * qm7) + (a5 >> 25); a5 &= m25;
            a7 = u0 * qm7 + u1 * qm6 + u2 * qm5 + u3 * qm4 + u4 * qm3 + u5 * qm2 + u6 * qm1 + u7 * qm0 + k19 * (u8 * qm9 + u9 * qm8) + (a6 >> 26); a6 &= m26;
            a8 = u0 * qm8 + f1x2 * qm7 + u2 * qm6 + f3x2 * qm5 + u4 * qm4 + f5x2 * qm3 + u6 * qm2 + f7x2 * qm1 + u8 * qm0 + k19 * (f9x2 * qm9) + (a7 >> 25); a7 &= m25;
            a9 = u0 * qm9 + u1 * qm8 + u2 * qm7 + u3 * qm6 + u4 * qm5 + u5 * qm4 + u6 * qm3 + u7 * qm2 + u8 * qm1 + u9 * qm0 + (a8 >> 26); a8 &= m26;
            a0 += (a9 >> 25) * k19; a9 &= m25; a1 += a0 >> 26; a0 &= m26;
            f1x2 = t1 + t1; f3x2 = t3 + t3; f5x2 = t5 + t5; f7x2 = t7 + t7; f9x2 = t9 + t9;
            c0 = t0 * qt0 + k19 * (f1x2 * qt9 + t2 * qt8 + f3x2 * qt7 + t4 * qt6 + f5x2 * qt5 + t6 * qt4 + f7x2 * qt3 + t8 * qt2 + f9x2 * qt1);
            c1 = t0 * qt1 + t1 * qt0 + k19 * (t2 * qt9 + t3 * qt8 + t4 * qt7 + t5 * qt6 + t6 * qt5 + t7 * qt4 + t8 * qt3 + t9 * qt2) + (c0 >> 26); c0 &= m26;
            c2 = t0 * qt2 + f1x2 * qt1 + t2 * qt0 + k19 * (f3x2 * qt9 + t4 * qt8 + f5x2 * qt7 + t6 * qt6 + f7x2 * qt5 + t8 * qt4 + f9x2 * qt3) + (c1 >> 25); c1 &= m25;
            c3 = t0 * qt3 + t1 * qt2 + t2 * qt1 + t3 * qt0 + k19 * (t4 * qt9 + t5 * qt8 + t6 * qt7 + t7 * qt6 + t8 * qt5 + t9 * qt4) + (c2 >> 26); c2 &= m26;
            c4 = t0 * qt4 + f1x2 * qt3 + t2 * qt2 + f3x2 * qt1 + t4 * qt0 + k19 * (f5x2 * qt9 + t6 * qt8 + f7x2 * qt7 + t8 * qt6 + f9x2 * qt5) + (c3 >> 25); c3 &= m25;
            c5 = t0 * qt5 + t1 * qt4 + t2 * qt3 + t3 * qt2 + t4 * qt1 + t5 * qt0 + k19 * (t6 * qt9 + t7 * qt8 + t8 * qt7 + t9 * qt6) + (c4 >> 26); c4 &= m26;
            c6 = t0 * qt6 + f1x2 * qt5 + t2 * qt4 + f3x2 * qt3 + t4 * qt2 + f5x2 * qt1 + t6 * qt0 + k19 * (f7x2 * qt9 + t8 * qt8 + f9x2 * qt7) + (c5 >> 25); c5 &= m25;
            c7 = t0 * qt7 + t1 * qt6 + t2 * qt5 + t3 * qt4 + t4 * qt3 + t5 * qt2 + t6 * qt1 + t7 * qt0 + k19 * (t8 * qt9 + t9 * qt8) + (c6 >> 26); c6 &= m26;
            c8 = t0 * qt8 + f1x2 * qt7 + t2 * qt6 + f3x2 * qt5 + t4 * qt4 + f5x2 * qt3 + t6 * qt2 + f7x2 * qt1 + t8 * qt0 + k19 * (f9x2 * qt9) + (c7 >> 25); c7 &= m25;
            c9 = t0 * qt9 + t1 * qt8 + t2 * qt7 + t3 * qt6 + t4 * qt5 + t5 * qt4 + t6 * qt3 + t7 * qt2 + t8 * qt1 + t9 * qt0 + (c8 >> 26); c8 &= m26;
            c0 += (c9 >> 25) * k19; c9 &= m25; c1 += c0 >> 26; c0 &= m26;
            // E = B - A (in u), H = B + A (in b).
            u0 = b0 - a0; u1 = b1 - a1; u2 = b2 - a2; u3 = b3 - a3; u4 = b4 - a4;
            u5 = b5 - a5; u6 = b6 - a6; u7 = b7 - a7; u8 = b8 - a8; u9 = b9 - a9;
            b0 = b0 + a0; b1 = b1 + a1; b2 = b2 + a2; b3 = b3 + a3; b4 = b4 + a4;
            b5 = b5 + a5; b6 = b6 + a6; b7 = b7 + a7; b8 = b8 + a8; b9 = b9 + a9;
            if (subtract)
            {
                c0 = -c0; c1 = -c1; c2 = -c2; c3 = -c3; c4 = -c4;
                c5 = -c5; c6 = -c6; c7 = -c7; c8 = -c8; c9 = -c9;
            }
            if (affine)
            {
                d0 = z0; d1 = z1; d2 = z2; d3 = z3; d4 = z4;
                d5 = z5; d6 = z6; d7 = z7; d8 = z8; d9 = z9;
            }
            else
            {
                int oZ = offset + 20;
                long qz0 = table[oZ], qz1 = table[oZ + 1], qz2 = table[oZ + 2], qz3 = table[oZ + 3], qz4 = table[oZ + 4], qz5 = table[oZ + 5], qz6 = table[oZ + 6], qz7 = table[oZ + 7], qz8 = table[oZ + 8], qz9 = table[oZ + 9];
                f1x2 = z1 + z1; f3x2 = z3 + z3; f5x2 = z5 + z5; f7x2 = z7 + z7; f9x2 = z9 + z9;
                d0 = z0 * qz0 + k19 * (f1x2 * qz9 + z2 * qz8 + f3x2 * qz7 + z4 * qz6 + f5x2 * qz5 + z6 * qz4 + f7x2 * qz3 + z8 * qz2 + f9x2 * qz1);
                d1 = z0 * qz1 + z1 * qz0 + k19 * (z2 * qz9 + z3 * qz8 + z4 * qz7 + z5 * qz6 + z6 * qz5 + z7 * qz4 + z8 * qz3 + z9 * qz2) + (d0 >> 26); d0 &= m26;
                d2 = z0 * qz2 + f1x2 * qz1 + z2 * qz0 + k19 * (f3x2 * qz9 + z4 * qz8 + f5x2 * qz7 + z6 * qz6 + f7x2 * qz5 + z8 * qz4 + f9x2 * qz3) + (d1 >> 25); d1 &= m25;
                d3 = z0 * qz3 + z1 * qz2 + z2 * qz1 + z3 * qz0 + k19 * (z4 * qz9 + z5 * qz8 + z6 * qz7 + z7 * qz6 + z8 * qz5 + z9 * qz4) + (d2 >> 26); d2 &= m26;
                d4 = z0 * qz4 + f1x2 * qz3 + z2 * qz2 + f3x2 * qz1 + z4 * qz0 + k19 * (f5x2 * qz9 + z6 * qz8 + f7x2 * qz7 + z8 * qz6 + f9x2 * qz5) + (d3 >> 25); d3 &= m25;
                d5 = z0 * qz5 + z1 * qz4 + z2 * qz3 + z3 * qz2 + z4 * qz1 + z5 * qz0 + k19 * (z6 * qz9 + z7 * qz8 + z8 * qz7 + z9 * qz6) + (d4 >> 26); d4 &= m26;
                d6 = z0 * qz6 + f1x2 * qz5 + z2 * qz4 + f3x2 * qz3 + z4 * qz2 + f5x2 * qz1 + z6 * qz0 + k19 * (f7x2 * qz9 + z8 * qz8 + f9x2 * qz7) + (d5 >> 25); d5 &= m25;
                d7 = z0 * qz7 + z1 * qz6 + z2 * qz5 + z3 * qz4 + z4 * qz3 + z5 * qz2 + z6 * qz1 + z7 * qz0 + k19 * (z8 * qz9 + z9 * qz8) + (d6 >> 26); d6 &= m26;
                d8 = z0 * qz8 + f1x2 * qz7 + z2 * qz6 + f3x2 * qz5 + z4 * qz4 + f5x2 * qz3 + z6 * qz2 + f7x2 * qz1 + z8 * qz0 + k19 * (f9x2 * qz9) + (d7 >> 25); d7 &= m25;
                d9 = z0 * qz9 + z1 * qz8 + z2 * qz7 + z3 * qz6 + z4 * qz5 + z5 * qz4 + z6 * qz3 + z7 * qz2 + z8 * qz1 + z9 * qz0 + (d8 >> 26); d8 &= m26;
                d0 += (d9 >> 25) * k19; d9 &= m25; d1 += d0 >> 26; d0 &= m26;
            }
            // G = D + C (in a) and F = D - C (in d), for D = 2 Z1 Z2 (2 Z1 when affine).
            a0 = d0 + d0 + c0; a1 = d1 + d1 + c1; a2 = d2 + d2 + c2; a3 = d3 + d3 + c3; a4 = d4 + d4 + c4;
            a5 = d5 + d5 + c5; a6 = d6 + d6 + c6; a7 = d7 + d7 + c7; a8 = d8 + d8 + c8; a9 = d9 + d9 + c9;
            d0 = d0 + d0 - c0; d1 = d1 + d1 - c1; d2 = d2 + d2 - c2; d3 = d3 + d3 - c3; d4 = d4 + d4 - c4;
            d5 = d5 + d5 - c5; d6 = d6 + d6 - c6; d7 = d7 + d7 - c7; d8 = d8 + d8 - c8; d9 = d9 + d9 - c9;
            // p + q = (E F : G H : F G : E H).
            f1x2 = u1 + u1; f3x2 = u3 + u3; f5x2 = u5 + u5; f7x2 = u7 + u7; f9x2 = u9 + u9;
            h0 = u0 * d0 + k19 * (f1x2 * d9 + u2 * d8 + f3x2 * d7 + u4 * d6 + f5x2 * d5 + u6 * d4 + f7x2 * d3 + u8 * d2 + f9x2 * d1);
            h1 = u0 * d1 + u1 * d0 + k19 * (u2 * d9 + u3 * d8 + u4 * d7 + u5 * d6 + u6 * d5 + u7 * d4 + u8 * d3 + u9 * d2) + (h0 >> 26); h0 &= m26;
            h2 = u0 * d2 + f1x2 * d1 + u2 * d0 + k19 * (f3x2 * d9 + u4 * d8 + f5x2 * d7 + u6 * d6 + f7x2 * d5 + u8 * d4 + f9x2 * d3) + (h1 >> 25); h1 &= m25;
            h3 = u0 * d3 + u1 * d2 + u2 * d1 + u3 * d0 + k19 * (u4 * d9 + u5 * d8 + u6 * d7 + u7 * d6 + u8 * d5 + u9 * d4) + (h2 >> 26); rx[2] = (int)h2 & 0x3ffffff;
            h4 = u0 * d4 + f1x2 * d3 + u2 * d2 + f3x2 * d1 + u4 * d0 + k19 * (f5x2 * d9 + u6 * d8 + f7x2 * d7 + u8 * d6 + f9x2 * d5) + (h3 >> 25); rx[3] = (int)h3 & 0x1ffffff;
            h5 = u0 * d5 + u1 * d4 + u2 * d3 + u3 * d2 + u4 * d1 + u5 * d0 + k19 * (u6 * d9 + u7 * d8 + u8 * d7 + u9 * d6) + (h4 >> 26); rx[4] = (int)h4 & 0x3ffffff;
            h6 = u0 * d6 + f1x2 * d5 + u2 * d4 + f3x2 * d3 + u4 * d2 + f5x2 * d1 + u6 * d0 + k19 * (f7x2 * d9 + u8 * d8 + f9x2 * d7) + (h5 >> 25); rx[5] = (int)h5 & 0x1ffffff;
            h7 = u0 * d7 + u1 * d6 + u2 * d5 + u3 * d4 + u4 * d3 + u5 * d2 + u6 * d1 + u7 * d0 + k19 * (u8 * d9 + u9 * d8) + (h6 >> 26); rx[6] = (int)h6 & 0x3ffffff;
            h8 = u0 * d8 + f1x2 * d7 + u2 * d6 + f3x2 * d5 + u4 * d4 + f5x2 * d3 + u6 * d2 + f7x2 * d1 + u8 * d0 + k19 * (f9x2 * d9) + (h7 >> 25); rx[7] = (int)h7 & 0x1ffffff;
            h9 = u0 * d9 + u1 * d8 + u2 * d7 + u3 * d6 + u4 * d5 + u5 * d4 + u6 * d3 + u7 * d2 + u8 * d1 + u9 * d0 + (h8 >> 26); rx[8] = (int)h8 & 0x3ffffff;
            h0 += (h9 >> 25) * k19; rx[9] = (int)h9 & 0x1ffffff; h1 += h0 >> 26; rx[0] = (int)h0 & 0x3ffffff; rx[1] = (int)h1;
            if (extended)
            {
                h0 = u0 * b0 + k19 * (f1x2 * b9 + u2 * b8 + f3x2 * b7 + u4 * b6 + f5x2 * b5 + u6 * b4 + f7x2 * b3 + u8 * b2 + f9x2 * b1);
                h1 = u0 * b1 + u1 * b0 + k19 * (u2 * b9 + u3 * b8 + u4 * b7 + u5 * b6 + u6 * b5 + u7 * b4 + u8 * b3 + u9 * b2) + (h0 >> 26); h0 &= m26;
                h2 = u0 * b2 + f1x2 * b1 + u2 * b0 + k19 * (f3x2 * b9 + u4 * b8 + f5x2 * b7 + u6 * b6 + f7x2 * b5 + u8 * b4 + f9x2 * b3) + (h1 >> 25); h1 &= m25;
                h3 = u0 * b3 + u1 * b2 + u2 * b1 + u3 * b0 + k19 * (u4 * b9 + u5 * b8 + u6 * b7 + u7 * b6 + u8 * b5 + u9 * b4) + (h2 >> 26); rt[2] = (int)h2 & 0x3ffffff;
                h4 = u0 * b4 + f1x2 * b3 + u2 * b2 + f3x2 * b1 + u4 * b0 + k19 * (f5x2 * b9 + u6 * b8 + f7x2 * b7 + u8 * b6 + f9x2 * b5) + (h3 >> 25); rt[3] = (int)h3 & 0x1ffffff;
                h5 = u0 * b5 + u1 * b4 + u2 * b3 + u3 * b2 + u4 * b1 + u5 * b0 + k19 * (u6 * b9 + u7 * b8 + u8 * b7 + u9 * b6) + (h4 >> 26); rt[4] = (int)h4 & 0x3ffffff;
                h6 = u0 * b6 + f1x2 * b5 + u2 * b4 + f3x2 * b3 + u4 * b2 + f5x2 * b1 + u6 * b0 + k19 * (f7x2 * b9 + u8 * b8 + f9x2 * b7) + (h5 >> 25); rt[5] = (int)h5 & 0x1ffffff;
                h7 = u0 * b7 + u1 * b6 + u2 * b5 + u3 * b4 + u4 * b3 + u5 * b2 + u6 * b1 + u7 * b0 + k19 * (u8 * b9 + u9 * b8) + (h6 >> 26); rt[6] = (int)h6 & 0x3ffffff;
                h8 = u0 * b8 + f1x2 * b7 + u2 * b6 + f3x2 * b5 + u4 * b4 + f5x2 * b3 + u6 * b2 + f7x2 * b1 + u8 * b0 + k19 * (f9x2 * b9) + (h7 >> 25); rt[7] = (int)h7 & 0x1ffffff;
                h9 = u0 * b9 + u1 * b8 + u2 * b7 + u3 * b6 + u4 * b5 + u5 * b4 + u6 * b3 + u7 * b2 + u8 * b1 + u9 * b0 + (h8 >> 26); rt[8] = (int)h8 & 0x3ffffff;
                h0 += (h9 >> 25) * k19; rt[9] = (int)h9 & 0x1ffffff; h1 += h0 >> 26; rt[0] = (int)h0 & 0x3ffffff; rt[1] = (int)h1;
            }
            f1x2 = a1 + a1; f3x2 = a3 + a3; f5x2 = a5 + a5; f7x2 = a7 + a7; f9x2 = a9 + a9;
            h0 = a0 * b0 + k19 * (f1x2 * b9 + a2 * b8 + f3x2 * b7 + a4 * b6 + f5x2 * b5 + a6 * b4 + f7x2 * b3 + a8 * b2 + f9x2 * b1);
            h1 = a0 * b1 + a1 * b0 + k19 * (a2 * b9 + a3 * b8 + a4 * b7 + a5 * b6 + a6 * b5 + a7 * b4 + a8 * b3 + a9 * b2) + (h0 >> 26); h0 &= m26;
            h2 = a0 * b2 + f1x2 * b1 + a2 * b0 + k19 * (f3x2 * b9 + a4 * b8 + f5x2 * b7 + a6 * b6 + f7x2 * b5 + a8 * b4 + f9x2 * b3) + (h1 >> 25); h1 &= m25;
            h3 = a0 * b3 + a1 * b2 + a2 * b1 + a3 * b0 + k19 * (a4 * b9 + a5 * b8 + a6 * b7 + a7 * b6 + a8 * b5 + a9 * b4) + (h2 >> 26); ry[2] = (int)h2 & 0x3ffffff;
            h4 = a0 * b4 + f1x2 * b3 + a2 * b2 + f3x2 * b1 + a4 * b0 + k19 * (f5x2 * b9 + a6 * b8 + f7x2 * b7 + a8 * b6 + f9x2 * b5) + (h3 >> 25); ry[3] = (int)h3 & 0x1ffffff;
            h5 = a0 * b5 + a1 * b4 + a2 * b3 + a3 * b2 + a4 * b1 + a5 * b0 + k19 * (a6 * b9 + a7 * b8 + a8 * b7 + a9 * b6) + (h4 >> 26); ry[4] = (int)h4 & 0x3ffffff;
            h6 = a0 * b6 + f1x2 * b5 + a2 * b4 + f3x2 * b3 + a4 * b2 + f5x2 * b1 + a6 * b0 + k19 * (f7x2 * b9 + a8 * b8 + f9x2 * b7) + (h5 >> 25); ry[5] = (int)h5 & 0x1ffffff;
            h7 = a0 * b7 + a1 * b6 + a2 * b5 + a3 * b4 + a4 * b3 + a5 * b2 + a6 * b1 + a7 * b0 + k19 * (a8 * b9 + a9 * b8) + (h6 >> 26); ry[6] = (int)h6 & 0x3ffffff;
            h8 = a0 * b8 + f1x2 * b7 + a2 * b6 + f3x2 * b5 + a4 * b4 + f5x2 * b3 + a6 * b2 + f7x2 * b1 + a8 * b0 + k19 * (f9x2 * b9) + (h7 >> 25); ry[7] = (int)h7 & 0x1ffffff;
            h9 = a0 * b9 + a1 * b8 + a2 * b7 + a3 * b6 + a4 * b5 + a5 * b4 + a6 * b3 + a7 * b2 + a8 * b1 + a9 * b0 + (h8 >> 26); ry[8] = (int)h8 & 0x3ffffff;
            h0 += (h9 >> 25) * k19; ry[9] = (int)h9 & 0x1ffffff; h1 += h0 >> 26; ry[0] = (int)h0 & 0x3ffffff; ry[1] = (int)h1;
            h0 = a0 * d0 + k19 * (f1x2 * d9 + a2 * d8 + f3x2 * d7 + a4 * d6 + f5x2 * d5 + a6 * d4 + f7x2 * d3 + a8 * d2 + f9x2 * d1);
            h1 = a0 * d1 + a1 * d0 + k19 * (a2 * d9 + a3 * d8 + a4 * d7 + a5 * d6 + a6 * d5 + a7 * d4 + a8 * d3 + a9 * d2) + (h0 >> 26); h0 &= m26;
            h2 = a0 * d2 + f1x2 * d1 + a2 * d0 + k19 * (f3x2 * d9 + a4 * d8 + f5x2 * d7 + a6 * d6 + f7x2 * d5 + a8 * d4 + f9x2 * d3) + (h1 >> 25); h1 &= m25;
            h3 = a0 * d3 + a1 * d2 + a2 * d1 + a3 * d0 + k19 * (a4 * d9 + a5 * d8 + a6 * d7 + a7 * d6 + a8 * d5 + a9 * d4) + (h2 >> 26); rz[2] = (int)h2 & 0x3ffffff;
            h4 = a0 * d4 + f1x2 * d3 + a2 * d2 + f3x2 * d1 + a4 * d0 + k19 * (f5x2 * d9 + a6 * d8 + f7x2 * d7 + a8 * d6 + f9x2 * d5) + (h3 >> 25); rz[3] = (int)h3 & 0x1ffffff;
            h5 = a0 * d5 + a1 * d4 + a2 * d3 + a3 * d2 + a4 * d1 + a5 * d0 + k19 * (a6 * d9 + a7 * d8 + a8 * d7 + a9 * d6) + (h4 >> 26); rz[4] = (int)h4 & 0x3ffffff;
            h6 = a0 * d6 + f1x2 * d5 + a2 * d4 + f3x2 * d3 + a4 * d2 + f5x2 * d1 + a6 * d0 + k19 * (f7x2 * d9 + a8 * d8 + f9x2 * d7) + (h5 >> 25); rz[5] = (int)h5 & 0x1ffffff;
            h7 = a0 * d7 + a1 * d6 + a2 * d5 + a3 * d4 + a4 * d3 + a5 * d2 + a6 * d1 + a7 * d0 + k19 * (a8 * d9 + a9 * d8) + (h6 >> 26); rz[6] = (int)h6 & 0x3ffffff;
            h8 = a0 * d8 + f1x2 * d7 + a2 * d6 + f3x2 * d5 + a4 * d4 + f5x2 * d3 + a6 * d2 + f7x2 * d1 + a8 * d0 + k19 * (f9x2 * d9) + (h7 >> 25); rz[7] = (int)h7 & 0x1ffffff;
            h9 = a0 * d9 + a1 * d8 + a2 * d7 + a3 * d6 + a4 * d5 + a5 * d4 + a6 * d3 + a7 * d2 + a8 * d1 + a9 * d0 + (h8 >> 26); rz[8] = (int)h8 & 0x3ffffff;
            h0 += (h9 >> 25) * k19; rz[9] = (int)h9 & 0x1ffffff; h1 += h0 >> 26; rz[0] = (int)h0 & 0x3ffffff; rz[1] = (int)h1;
        }
    }
}
