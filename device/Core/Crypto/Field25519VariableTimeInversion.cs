namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// Inversion in GF(2^255 - 19) by Lehmer's extended Euclid on (p, z): about 10,000 interpreted instructions,
    /// a quarter of the constant-time safegcd it replaced. Its running time depends on z, so it only takes
    /// values that are public (Ed25519's encoded point) or blinded (X25519's z times a secret factor: see
    /// <see cref="X25519Ladder"/>).
    /// <para>
    /// The pair (a, b) starts at (p, z) with cofactors (ta, tb) = (0, 1), so that a = ta z and b = tb z mod p;
    /// any integer 2x2 matrix applied to both pairs keeps that, and one of determinant +-1 keeps the gcd. Every
    /// batch finds such a matrix M by Euclid on 62-bit windows X = floor(a / 2^s), Y = floor(b / 2^s), s chosen
    /// so that the larger has its top bit at 61 (s = 31 (hi - 2) + n, limb hi being the highest either uses and
    /// n its bit length), or s = 0 once both are below 2^62 and the windows are exact. Euclid's rows on the
    /// windows, (x, y) = M (X, Y), are M's rows, kept while every entry lies in [-2^30, 2^30): X &gt;= Y makes
    /// the first quotient at least 1, so the second column dominates (|M_i1| &gt;= |M_i0|) and only it is
    /// checked. Near the end of a batch a window's quotient can differ from the true one; M (a, b) =
    /// 2^s (x, y) + M (a mod 2^s, b mod 2^s) still holds integers below 2^s (2^62 + 2^31) with the same gcd,
    /// only maybe negative, and a negative one is negated with its row of M, so its cofactor follows. So a
    /// batch takes about 30 bits off the larger value, and b = 0 is reached after about ten batches (10.2 on
    /// average over 3,000 random z, at most 11, counting the last, which only finds it); then a = gcd(p, z) = 1
    /// and 1/z = ta (or b and tb, when the last windows were swapped). A quotient of 2^30 or more (a window Y of
    /// 0, or a first step past 2^30) cannot be taken this way: it happens for about one random z in five
    /// million, and for structured ones (z near 0 or p, powers of two, tiny remainders), which go to Fermat's
    /// constant-time z^(p-2) (<see cref="Field25519Powers.RaiseToPMinus2"/>, about ten times the instructions)
    /// instead, as would anything unfinished after <see cref="MaxBatches"/> batches. z = 0 maps to 0.
    /// </para>
    /// <para>
    /// Bounds. a and b are integers in nine 31-bit limbs (bit 31 j up), every limb but the top one in
    /// [0, 2^31). A batch's values are below 2^s (2^62 + 2^31) &lt; 2^(31 hi + n + 1): at most one bit more than
    /// the larger before it, so within <see cref="MaxBatches"/> they stay below 2^279 and every top limb below
    /// 2^31. Since (|M_i0| + |M_i1|) max(a, b) &lt; 2^(31 (hi + 2)), limbs 0..hi + 1 hold the new values; only
    /// those are computed. A limb's sum u a_j + v b_j plus the carry below is under 2^31 2^31 + 2^33 &lt; 2^63.
    /// The cofactors are exact integers through batch 6: below 2^(31 j + 30) before batch j (limbs 0..j, the
    /// last one signed), 2^31 times that after, so limb j + 1 takes the carry. From batch 7 on they are kept
    /// mod p in all nine limbs, limb 8 holding bits 248..254 (the bits from 255 up fold into limb 0 as 19 per
    /// unit), every limb below 2^31 + 2^8 in magnitude: a sum stays under 2^31 (2^31 + 2^8) + 2^33 &lt; 2^63,
    /// limb 8's below 2^39, its fold below 2^37 is carried once from limb 0 into limb 1 (which gains less than
    /// 2^7), and the bounds hold again.
    /// </para>
    /// </summary>
    internal static class Field25519VariableTimeInversion
    {
        // Random z take at most 11 (see above); the guard keeps any z from looping long and bounds a and b.
        private const int MaxBatches = 24;

        /// <summary>
        /// h = 1/z, and 0 for z = 0. scratch receives z's canonical limbs and work is overwritten when the
        /// rare Fermat fallback runs; h may be z, neither scratch nor one of work's elements.
        /// </summary>
        public static void Invert(int[] h, int[] z, int[] scratch, Field25519Workspace work)
        {
            long m31 = 0x7fffffff, lim = 1L << 30, k19 = 19, m7 = 0x7f;

            // b = z as an integer in [0, p): canonical limbs regrouped into 31-bit limbs (bit 31 j up).
            Field25519Encoding.Freeze(scratch, z);
            long l0 = scratch[0], l1 = scratch[1], l2 = scratch[2], l3 = scratch[3], l4 = scratch[4];
            long l5 = scratch[5], l6 = scratch[6], l7 = scratch[7], l8 = scratch[8], l9 = scratch[9];
            long acc = l0 | (l1 << 26);
            long b0 = acc & m31; acc >>= 31;
            acc |= l2 << 20; long b1 = acc & m31; acc >>= 31;
            acc |= l3 << 15; long b2 = acc & m31; acc >>= 31;
            acc |= l4 << 9; long b3 = acc & m31; acc >>= 31;
            acc |= (l5 << 4) | (l6 << 29); long b4 = acc & m31; acc >>= 31;
            acc |= l7 << 24; long b5 = acc & m31; acc >>= 31;
            acc |= l8 << 18; long b6 = acc & m31; acc >>= 31;
            acc |= l9 << 13; long b7 = acc & m31; long b8 = acc >> 31;
            if ((b0 | b1 | b2 | b3 | b4 | b5 | b6 | b7 | b8) == 0)
            {
                Field25519.SetZero(h);
                return;
            }

            // a = p = 2^255 - 19; ta = 0, tb = 1.
            long a0 = m31 - 18, a1 = m31, a2 = m31, a3 = m31, a4 = m31, a5 = m31, a6 = m31, a7 = m31, a8 = m7;
            long ta0 = 0, ta1 = 0, ta2 = 0, ta3 = 0, ta4 = 0, ta5 = 0, ta6 = 0, ta7 = 0, ta8 = 0;
            long tb0 = 1, tb1 = 0, tb2 = 0, tb3 = 0, tb4 = 0, tb5 = 0, tb6 = 0, tb7 = 0, tb8 = 0;
            long hiA, midA, loA, hiB, midB, loB, top, x, y, q, t, u0, v0, u1, v1, cf, cg;
            int n, hi;
            bool swapped = false, done = false;

            for (int batch = 0; batch < MaxBatches; batch++)
            {
                // The top three limbs from the highest one a or b uses (limbs 2, 1, 0 when both are below 2^62).
                if ((a8 | b8) != 0) { hi = 8; hiA = a8; midA = a7; loA = a6; hiB = b8; midB = b7; loB = b6; }
                else if ((a7 | b7) != 0) { hi = 7; hiA = a7; midA = a6; loA = a5; hiB = b7; midB = b6; loB = b5; }
                else if ((a6 | b6) != 0) { hi = 6; hiA = a6; midA = a5; loA = a4; hiB = b6; midB = b5; loB = b4; }
                else if ((a5 | b5) != 0) { hi = 5; hiA = a5; midA = a4; loA = a3; hiB = b5; midB = b4; loB = b3; }
                else if ((a4 | b4) != 0) { hi = 4; hiA = a4; midA = a3; loA = a2; hiB = b4; midB = b3; loB = b2; }
                else if ((a3 | b3) != 0) { hi = 3; hiA = a3; midA = a2; loA = a1; hiB = b3; midB = b2; loB = b1; }
                else { hi = 2; hiA = a2; midA = a1; loA = a0; hiB = b2; midB = b1; loB = b0; }

                // n = bit length of the top limbs (0 when they are 0: then s = 0 and the windows are exact).
                top = hiA | hiB;
                n = 0;
                if (top >= 0x10000) { n = 16; top >>= 16; }
                if (top >= 0x100) { n += 8; top >>= 8; }
                if (top >= 0x10) { n += 4; top >>= 4; }
                if (top >= 4) { n += 2; top >>= 2; }
                if (top >= 2) n += 2; else n += (int)top;
                // The 62-bit windows: every shift is in [0, 61] and the three parts do not overlap.
                x = (hiA << (62 - n)) | (midA << (31 - n)) | (loA >> n);
                y = (hiB << (62 - n)) | (midB << (31 - n)) | (loB >> n);
                swapped = x < y;
                if (swapped) { t = x; x = y; y = t; }
                if (y == 0)
                {
                    // Exact windows: the smaller value is 0 and the larger is gcd(p, z) = 1.
                    done = n == 0;
                    if (done) break;
                    Field25519Powers.RaiseToPMinus2(h, z, work);
                    return;
                }

                // Euclid on the windows, in place: (x, y) = (u0 X + v0 Y, u1 X + v1 Y).
                u0 = 1; v0 = 0; u1 = 0; v1 = 1;
                // A step whose new entry leaves [-2^30, 2^30) is undone and ends the batch; the entry cannot overflow
                // first, since Euclid's |v_(i+1)| r_i + |v_i| r_(i+1) = X bounds it by X / y < 2^62.
                while (true)
                {
                    q = x / y;
                    v0 -= q * v1;
                    if (((v0 + lim) >> 31) != 0) { v0 += q * v1; break; }
                    u0 -= q * u1; x -= q * y;
                    if (x == 0) break;
                    q = y / x;
                    v1 -= q * v0;
                    if (((v1 + lim) >> 31) != 0) { v1 += q * v0; break; }
                    u1 -= q * u0; y -= q * x;
                    if (y == 0) break;
                }
                if (v0 == 0)
                {
                    // Not one step: the first quotient is 2^30 or more.
                    Field25519Powers.RaiseToPMinus2(h, z, work);
                    return;
                }
                if (swapped) { t = u0; u0 = v0; v0 = t; t = u1; u1 = v1; v1 = t; }

                if (n == 0)
                {
                    // Exact windows: (x, y) are the new a and b themselves, both below 2^62.
                    a0 = x & m31; a1 = x >> 31; b0 = y & m31; b1 = y >> 31;
                }
                else
                {
                    // (a, b) = M (a, b), exactly, over limbs 0..hi + 1 (see the bounds): above hi both are 0, limb hi + 1
                    // takes the carry and the rest stay 0. The last sum, still in cf and cg, carries the sign.
                    cf = u0 * a0 + v0 * b0; cg = u1 * a0 + v1 * b0; a0 = cf & m31; b0 = cg & m31;
                    cf = u0 * a1 + v0 * b1 + (cf >> 31); cg = u1 * a1 + v1 * b1 + (cg >> 31); a1 = cf & m31; b1 = cg & m31;
                    cf = u0 * a2 + v0 * b2 + (cf >> 31); cg = u1 * a2 + v1 * b2 + (cg >> 31); a2 = cf & m31; b2 = cg & m31;
                    if (hi == 2) { a3 = cf >> 31; b3 = cg >> 31; goto Signs; }
                    cf = u0 * a3 + v0 * b3 + (cf >> 31); cg = u1 * a3 + v1 * b3 + (cg >> 31); a3 = cf & m31; b3 = cg & m31;
                    if (hi == 3) { a4 = cf >> 31; b4 = cg >> 31; goto Signs; }
                    cf = u0 * a4 + v0 * b4 + (cf >> 31); cg = u1 * a4 + v1 * b4 + (cg >> 31); a4 = cf & m31; b4 = cg & m31;
                    if (hi == 4) { a5 = cf >> 31; b5 = cg >> 31; goto Signs; }
                    cf = u0 * a5 + v0 * b5 + (cf >> 31); cg = u1 * a5 + v1 * b5 + (cg >> 31); a5 = cf & m31; b5 = cg & m31;
                    if (hi == 5) { a6 = cf >> 31; b6 = cg >> 31; goto Signs; }
                    cf = u0 * a6 + v0 * b6 + (cf >> 31); cg = u1 * a6 + v1 * b6 + (cg >> 31); a6 = cf & m31; b6 = cg & m31;
                    if (hi == 6) { a7 = cf >> 31; b7 = cg >> 31; goto Signs; }
                    cf = u0 * a7 + v0 * b7 + (cf >> 31); cg = u1 * a7 + v1 * b7 + (cg >> 31); a7 = cf & m31; b7 = cg & m31;
                    if (hi == 7) { a8 = cf >> 31; b8 = cg >> 31; goto Signs; }
                    cf = u0 * a8 + v0 * b8 + (cf >> 31); cg = u1 * a8 + v1 * b8 + (cg >> 31); a8 = cf; b8 = cg;
                // A window's wrong last quotient can leave a value negative: negate it, and its row of M
                // so that its cofactor follows.
                Signs:
                    if (cf < 0)
                    {
                        cf = -a0; a0 = cf & m31; cf = (cf >> 31) - a1; a1 = cf & m31; cf = (cf >> 31) - a2; a2 = cf & m31;
                        cf = (cf >> 31) - a3; a3 = cf & m31; cf = (cf >> 31) - a4; a4 = cf & m31; cf = (cf >> 31) - a5; a5 = cf & m31;
                        cf = (cf >> 31) - a6; a6 = cf & m31; cf = (cf >> 31) - a7; a7 = cf & m31; a8 = (cf >> 31) - a8;
                        u0 = -u0; v0 = -v0;
                    }
                    if (cg < 0)
                    {
                        cg = -b0; b0 = cg & m31; cg = (cg >> 31) - b1; b1 = cg & m31; cg = (cg >> 31) - b2; b2 = cg & m31;
                        cg = (cg >> 31) - b3; b3 = cg & m31; cg = (cg >> 31) - b4; b4 = cg & m31; cg = (cg >> 31) - b5; b5 = cg & m31;
                        cg = (cg >> 31) - b6; b6 = cg & m31; cg = (cg >> 31) - b7; b7 = cg & m31; b8 = (cg >> 31) - b8;
                        u1 = -u1; v1 = -v1;
                    }
                }

                // (ta, tb) = M (ta, tb). Up to batch 6 as exact integers: before batch j below 2^(31 j + 30) in magnitude
                // (limbs 0..j, the last one signed; limbs above are 0), after it 2^31 times that, so limb j + 1 takes the
                // carry and nothing above is touched. From batch 7 on, mod p in all nine limbs.
                if (batch < 7)
                {
                    cf = u0 * ta0 + v0 * tb0; cg = u1 * ta0 + v1 * tb0; ta0 = cf & m31; tb0 = cg & m31;
                    if (batch == 0) { ta1 = cf >> 31; tb1 = cg >> 31; continue; }
                    cf = u0 * ta1 + v0 * tb1 + (cf >> 31); cg = u1 * ta1 + v1 * tb1 + (cg >> 31); ta1 = cf & m31; tb1 = cg & m31;
                    if (batch == 1) { ta2 = cf >> 31; tb2 = cg >> 31; continue; }
                    cf = u0 * ta2 + v0 * tb2 + (cf >> 31); cg = u1 * ta2 + v1 * tb2 + (cg >> 31); ta2 = cf & m31; tb2 = cg & m31;
                    if (batch == 2) { ta3 = cf >> 31; tb3 = cg >> 31; continue; }
                    cf = u0 * ta3 + v0 * tb3 + (cf >> 31); cg = u1 * ta3 + v1 * tb3 + (cg >> 31); ta3 = cf & m31; tb3 = cg & m31;
                    if (batch == 3) { ta4 = cf >> 31; tb4 = cg >> 31; continue; }
                    cf = u0 * ta4 + v0 * tb4 + (cf >> 31); cg = u1 * ta4 + v1 * tb4 + (cg >> 31); ta4 = cf & m31; tb4 = cg & m31;
                    if (batch == 4) { ta5 = cf >> 31; tb5 = cg >> 31; continue; }
                    cf = u0 * ta5 + v0 * tb5 + (cf >> 31); cg = u1 * ta5 + v1 * tb5 + (cg >> 31); ta5 = cf & m31; tb5 = cg & m31;
                    if (batch == 5) { ta6 = cf >> 31; tb6 = cg >> 31; continue; }
                    cf = u0 * ta6 + v0 * tb6 + (cf >> 31); cg = u1 * ta6 + v1 * tb6 + (cg >> 31); ta6 = cf & m31; tb6 = cg & m31;
                    if (batch == 6) { ta7 = cf >> 31; tb7 = cg >> 31; continue; }
                }
                cf = u0 * ta0 + v0 * tb0; cg = u1 * ta0 + v1 * tb0; ta0 = cf & m31; tb0 = cg & m31;
                cf = u0 * ta1 + v0 * tb1 + (cf >> 31); cg = u1 * ta1 + v1 * tb1 + (cg >> 31); ta1 = cf & m31; tb1 = cg & m31;
                cf = u0 * ta2 + v0 * tb2 + (cf >> 31); cg = u1 * ta2 + v1 * tb2 + (cg >> 31); ta2 = cf & m31; tb2 = cg & m31;
                cf = u0 * ta3 + v0 * tb3 + (cf >> 31); cg = u1 * ta3 + v1 * tb3 + (cg >> 31); ta3 = cf & m31; tb3 = cg & m31;
                cf = u0 * ta4 + v0 * tb4 + (cf >> 31); cg = u1 * ta4 + v1 * tb4 + (cg >> 31); ta4 = cf & m31; tb4 = cg & m31;
                cf = u0 * ta5 + v0 * tb5 + (cf >> 31); cg = u1 * ta5 + v1 * tb5 + (cg >> 31); ta5 = cf & m31; tb5 = cg & m31;
                cf = u0 * ta6 + v0 * tb6 + (cf >> 31); cg = u1 * ta6 + v1 * tb6 + (cg >> 31); ta6 = cf & m31; tb6 = cg & m31;
                cf = u0 * ta7 + v0 * tb7 + (cf >> 31); cg = u1 * ta7 + v1 * tb7 + (cg >> 31); ta7 = cf & m31; tb7 = cg & m31;
                cf = u0 * ta8 + v0 * tb8 + (cf >> 31); cg = u1 * ta8 + v1 * tb8 + (cg >> 31); ta8 = cf & m7; tb8 = cg & m7;
                ta0 += (cf >> 7) * k19; tb0 += (cg >> 7) * k19;
                ta1 += ta0 >> 31; ta0 &= m31; tb1 += tb0 >> 31; tb0 &= m31;
            }
            if (!done)
            {
                Field25519Powers.RaiseToPMinus2(h, z, work); // MaxBatches ran out
                return;
            }

            // 1/z is the cofactor of the value that is 1: b's when the windows were swapped.
            if (swapped)
            {
                ta0 = tb0; ta1 = tb1; ta2 = tb2; ta3 = tb3; ta4 = tb4; ta5 = tb5; ta6 = tb6; ta7 = tb7; ta8 = tb8;
            }
            // Its value into h's limbs (from bit ceil(25.5 i), 26 or 25 wide), the bits from 255 up folded into
            // limb 0 times 19; every accumulator stays below 2^59 in magnitude.
            long m26 = 0x3ffffff, m25 = 0x1ffffff;
            acc = ta0;
            long h0 = acc & m26; acc >>= 26;
            acc += ta1 << 5; long h1 = acc & m25; acc >>= 25;
            acc += ta2 << 11; long h2 = acc & m26; acc >>= 26;
            acc += ta3 << 16; long h3 = acc & m25; acc >>= 25;
            acc += ta4 << 22; long h4 = acc & m26; acc >>= 26;
            acc += ta5 << 27; long h5 = acc & m25; acc >>= 25;
            long h6 = acc & m26; acc >>= 26;
            acc += ta6 << 7; long h7 = acc & m25; acc >>= 25;
            acc += ta7 << 13; long h8 = acc & m26; acc >>= 26;
            acc += ta8 << 18; long h9 = acc & m25; acc >>= 25;
            h[0] = (int)(h0 + acc * k19); h[1] = (int)h1; h[2] = (int)h2; h[3] = (int)h3; h[4] = (int)h4;
            h[5] = (int)h5; h[6] = (int)h6; h[7] = (int)h7; h[8] = (int)h8; h[9] = (int)h9;
        }
    }
}
