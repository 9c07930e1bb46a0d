namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// The loop of <see cref="X25519Ladder"/>: Montgomery ladder steps (251 of the 255: see <see cref="Run"/>) with every field element in
    /// long locals and every product, square and carry written out in place. On nanoFramework's
    /// interpreter the instruction count is the cost, and this layout removes what the
    /// <see cref="Field25519Products"/> calls spend besides arithmetic: the calls, the array loads and
    /// stores of every operand and result, and the separate additions (about a third of a step).
    /// The arithmetic is theirs (same terms, same carry chain, see their bounds; a product's wrapped
    /// terms are summed before the one multiplication by 19): sums of two outputs are 2-sized,
    /// differences 1-sized, so no product overflows. Constants sit in locals because a long constant
    /// costs two instructions (load and widen) and a local one; x1's multiples are computed once.
    /// Carries are fused into the products: limb k's sum takes limb k - 1's carry as its last term
    /// (the same values as carrying after all ten sums, two instructions less per link).
    /// <para>
    /// The twelfth link (limb 0 into limb 1 after the 19-fold wrap) stays wherever the result is squared
    /// or added into something squared: a raw limb 9 reaches 2^54 to 2^57, so the wrap adds up to about
    /// 19 * 2^32 to limb 0, and a square multiplies limb 0 by itself. Three chains drop it, because their
    /// result only meets multiplications whose other operand is carried: then limb 0 (below 2^36) appears
    /// once per column, next to a carried limb (below 2^26), and a column stays below 2^62:
    /// AA (multiplied by BB; AA - BB = E by AA + a24 E, which is carried), (DA - CB)^2 (multiplied by
    /// x1 alone), and AA + a24 E itself (|AA + a24 E| &lt; 2^53 per limb before carrying, so limb 9 carries
    /// out less than 2^18 and the wrap leaves limb 0 in (-2^22, 2^26 + 2^22)). Worst cases, by interval
    /// arithmetic over every term of every column with inputs anywhere in their ranges, iterated until the
    /// state's ranges repeat: the state (x2, z2, x3, z3) keeps limbs in [0, 2^26) except limb 1 in
    /// (-2^12, 2^26); AA's limb 0 lies in (-2^21, 2^36), (DA - CB)^2's in (-2^34, 2^34); no partial sum
    /// reaches 2^62, against the 2^63 a long holds.
    /// </para>
    /// Constant time: the scalar's bits only ever enter through the selection mask.
    /// </summary>
    internal static class X25519LadderLoop
    {
        /// <summary>
        /// (x2 : z2) = [k >> 3] (x1 : 1) for the clamped scalar k and the u-coordinate x1 (limbs of
        /// <see cref="Field25519.FromBytes"/>): the steps of bits 253 down to 3. swaps holds k_i ^ k_(i+1) for
        /// those bits, most significant first from the top bit of each word, 63 to a word (62 in the last), a 1
        /// just below the last; lastBit is k_3.
        /// The caller has done bit 254's (always 1 once clamped: it leaves [2]u, passed in x2 and z2, and u) and
        /// does bits 2..0 (always 0: plain doublings, <see cref="X25519Doubling"/>), so neither pays for a
        /// differential addition.
        /// </summary>
        public static void Run(long[] swaps, int lastBit, int[] x1, int[] x2, int[] z2)
        {
            // a24 = (A - 2) / 4 for curve25519's A = 486662: the constant of the ladder's doubling step.
            long m26 = 0x3ffffff, m25 = 0x1ffffff, k19 = 19, k38 = 38, a24 = 121665;
            long x1_0 = x1[0], x1_1 = x1[1], x1_2 = x1[2], x1_3 = x1[3], x1_4 = x1[4], x1_5 = x1[5], x1_6 = x1[6], x1_7 = x1[7], x1_8 = x1[8], x1_9 = x1[9];
            long x1x19_1 = k19 * x1_1, x1x19_2 = k19 * x1_2, x1x19_3 = k19 * x1_3, x1x19_4 = k19 * x1_4, x1x19_5 = k19 * x1_5, x1x19_6 = k19 * x1_6, x1x19_7 = k19 * x1_7, x1x19_8 = k19 * x1_8, x1x19_9 = k19 * x1_9;
            long x1x2_1 = x1_1 + x1_1, x1x2_3 = x1_3 + x1_3, x1x2_5 = x1_5 + x1_5, x1x2_7 = x1_7 + x1_7, x1x2_9 = x1_9 + x1_9, x1x38_1 = k38 * x1_1, x1x38_3 = k38 * x1_3, x1x38_5 = k38 * x1_5, x1x38_7 = k38 * x1_7, x1x38_9 = k38 * x1_9;
            long x2_0 = x2[0], x2_1 = x2[1], x2_2 = x2[2], x2_3 = x2[3], x2_4 = x2[4], x2_5 = x2[5], x2_6 = x2[6], x2_7 = x2[7], x2_8 = x2[8], x2_9 = x2[9];
            long z2_0 = z2[0], z2_1 = z2[1], z2_2 = z2[2], z2_3 = z2[3], z2_4 = z2[4], z2_5 = z2[5], z2_6 = z2[6], z2_7 = z2[7], z2_8 = z2[8], z2_9 = z2[9];
            long x3_0 = x1_0, x3_1 = x1_1, x3_2 = x1_2, x3_3 = x1_3, x3_4 = x1_4, x3_5 = x1_5, x3_6 = x1_6, x3_7 = x1_7, x3_8 = x1_8, x3_9 = x1_9;
            long z3_0 = 1, z3_1 = 0, z3_2 = 0, z3_3 = 0, z3_4 = 0, z3_5 = 0, z3_6 = 0, z3_7 = 0, z3_8 = 0, z3_9 = 0;
            long a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, b0, b1, b2, b3, b4, b5, b6, b7, b8, b9;
            long c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, d0, d1, d2, d3, d4, d5, d6, d7, d8, d9;
            long p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, q0, q1, q2, q3, q4, q5, q6, q7, q8, q9;
            long f1x2, f3x2, f5x2, f7x2, f9x2, s0x2, s1x2, s2x2, s3x2, s4x2, s5x2, s6x2, s7x2, s5x38, s6x19, s7x38, s8x19, s9x38;
            long mask;

            // (x2 : z2) = [n] u and (x3 : z3) = [n + 1] u for the bits n read so far, the two pairs held
            // swapped when the last bit read was 1: RFC 7748's ladder with its swaps deferred, so a step
            // uses the pairs swapped exactly when its bit differs from the previous one: its bit of swaps,
            // read from the top of a word (an arithmetic shift by 63 spreads it into the mask); a word is used up
            // when its closing 1 reaches the top, which ends the loop without a counter.
            // After bit 254 (a 1): [2]u in (x2 : z2) and u in (x3 : z3), held swapped.
            long done = long.MinValue;
            for (int w = 0; w < 4; w++)
            {
                long word = swaps[w];
                do
                {
                    mask = word >> 63;
                    word <<= 1;

                    // A = x2 + z2, B = x2 - z2, C = x3 + z3, D = x3 - z3 for the pair as it stands.
                    a0 = x2_0 + z2_0; a1 = x2_1 + z2_1; a2 = x2_2 + z2_2; a3 = x2_3 + z2_3; a4 = x2_4 + z2_4;
                    a5 = x2_5 + z2_5; a6 = x2_6 + z2_6; a7 = x2_7 + z2_7; a8 = x2_8 + z2_8; a9 = x2_9 + z2_9;
                    b0 = x2_0 - z2_0; b1 = x2_1 - z2_1; b2 = x2_2 - z2_2; b3 = x2_3 - z2_3; b4 = x2_4 - z2_4;
                    b5 = x2_5 - z2_5; b6 = x2_6 - z2_6; b7 = x2_7 - z2_7; b8 = x2_8 - z2_8; b9 = x2_9 - z2_9;
                    c0 = x3_0 + z3_0; c1 = x3_1 + z3_1; c2 = x3_2 + z3_2; c3 = x3_3 + z3_3; c4 = x3_4 + z3_4;
                    c5 = x3_5 + z3_5; c6 = x3_6 + z3_6; c7 = x3_7 + z3_7; c8 = x3_8 + z3_8; c9 = x3_9 + z3_9;
                    d0 = x3_0 - z3_0; d1 = x3_1 - z3_1; d2 = x3_2 - z3_2; d3 = x3_3 - z3_3; d4 = x3_4 - z3_4;
                    d5 = x3_5 - z3_5; d6 = x3_6 - z3_6; d7 = x3_7 - z3_7; d8 = x3_8 - z3_8; d9 = x3_9 - z3_9;
                    // P = DA, Q = CB. Swapping the pairs would swap DA with CB, which changes neither (DA + CB)^2
                    // nor (DA - CB)^2: only A and B, for AA and BB, depend on the swap, so they alone are selected.
                    f1x2 = d1 + d1; f3x2 = d3 + d3; f5x2 = d5 + d5; f7x2 = d7 + d7; f9x2 = d9 + d9;
                    p0 = d0 * a0 + k19 * (f1x2 * a9 + d2 * a8 + f3x2 * a7 + d4 * a6 + f5x2 * a5 + d6 * a4 + f7x2 * a3 + d8 * a2 + f9x2 * a1);
                    p1 = d0 * a1 + d1 * a0 + k19 * (d2 * a9 + d3 * a8 + d4 * a7 + d5 * a6 + d6 * a5 + d7 * a4 + d8 * a3 + d9 * a2) + (p0 >> 26); p0 &= m26;
                    p2 = d0 * a2 + f1x2 * a1 + d2 * a0 + k19 * (f3x2 * a9 + d4 * a8 + f5x2 * a7 + d6 * a6 + f7x2 * a5 + d8 * a4 + f9x2 * a3) + (p1 >> 25); p1 &= m25;
                    p3 = d0 * a3 + d1 * a2 + d2 * a1 + d3 * a0 + k19 * (d4 * a9 + d5 * a8 + d6 * a7 + d7 * a6 + d8 * a5 + d9 * a4) + (p2 >> 26); p2 &= m26;
                    p4 = d0 * a4 + f1x2 * a3 + d2 * a2 + f3x2 * a1 + d4 * a0 + k19 * (f5x2 * a9 + d6 * a8 + f7x2 * a7 + d8 * a6 + f9x2 * a5) + (p3 >> 25); p3 &= m25;
                    p5 = d0 * a5 + d1 * a4 + d2 * a3 + d3 * a2 + d4 * a1 + d5 * a0 + k19 * (d6 * a9 + d7 * a8 + d8 * a7 + d9 * a6) + (p4 >> 26); p4 &= m26;
                    p6 = d0 * a6 + f1x2 * a5 + d2 * a4 + f3x2 * a3 + d4 * a2 + f5x2 * a1 + d6 * a0 + k19 * (f7x2 * a9 + d8 * a8 + f9x2 * a7) + (p5 >> 25); p5 &= m25;
                    p7 = d0 * a7 + d1 * a6 + d2 * a5 + d3 * a4 + d4 * a3 + d5 * a2 + d6 * a1 + d7 * a0 + k19 * (d8 * a9 + d9 * a8) + (p6 >> 26); p6 &= m26;
                    p8 = d0 * a8 + f1x2 * a7 + d2 * a6 + f3x2 * a5 + d4 * a4 + f5x2 * a3 + d6 * a2 + f7x2 * a1 + d8 * a0 + k19 * (f9x2 * a9) + (p7 >> 25); p7 &= m25;
                    p9 = d0 * a9 + d1 * a8 + d2 * a7 + d3 * a6 + d4 * a5 + d5 * a4 + d6 * a3 + d7 * a2 + d8 * a1 + d9 * a0 + (p8 >> 26); p8 &= m26;
                    p0 += (p9 >> 25) * k19; p9 &= m25;
                    p1 += p0 >> 26; p0 &= m26;
                    f1x2 = c1 + c1; f3x2 = c3 + c3; f5x2 = c5 + c5; f7x2 = c7 + c7; f9x2 = c9 + c9;
                    q0 = c0 * b0 + k19 * (f1x2 * b9 + c2 * b8 + f3x2 * b7 + c4 * b6 + f5x2 * b5 + c6 * b4 + f7x2 * b3 + c8 * b2 + f9x2 * b1);
                    q1 = c0 * b1 + c1 * b0 + k19 * (c2 * b9 + c3 * b8 + c4 * b7 + c5 * b6 + c6 * b5 + c7 * b4 + c8 * b3 + c9 * b2) + (q0 >> 26); q0 &= m26;
                    q2 = c0 * b2 + f1x2 * b1 + c2 * b0 + k19 * (f3x2 * b9 + c4 * b8 + f5x2 * b7 + c6 * b6 + f7x2 * b5 + c8 * b4 + f9x2 * b3) + (q1 >> 25); q1 &= m25;
                    q3 = c0 * b3 + c1 * b2 + c2 * b1 + c3 * b0 + k19 * (c4 * b9 + c5 * b8 + c6 * b7 + c7 * b6 + c8 * b5 + c9 * b4) + (q2 >> 26); q2 &= m26;
                    q4 = c0 * b4 + f1x2 * b3 + c2 * b2 + f3x2 * b1 + c4 * b0 + k19 * (f5x2 * b9 + c6 * b8 + f7x2 * b7 + c8 * b6 + f9x2 * b5) + (q3 >> 25); q3 &= m25;
                    q5 = c0 * b5 + c1 * b4 + c2 * b3 + c3 * b2 + c4 * b1 + c5 * b0 + k19 * (c6 * b9 + c7 * b8 + c8 * b7 + c9 * b6) + (q4 >> 26); q4 &= m26;
                    q6 = c0 * b6 + f1x2 * b5 + c2 * b4 + f3x2 * b3 + c4 * b2 + f5x2 * b1 + c6 * b0 + k19 * (f7x2 * b9 + c8 * b8 + f9x2 * b7) + (q5 >> 25); q5 &= m25;
                    q7 = c0 * b7 + c1 * b6 + c2 * b5 + c3 * b4 + c4 * b3 + c5 * b2 + c6 * b1 + c7 * b0 + k19 * (c8 * b9 + c9 * b8) + (q6 >> 26); q6 &= m26;
                    q8 = c0 * b8 + f1x2 * b7 + c2 * b6 + f3x2 * b5 + c4 * b4 + f5x2 * b3 + c6 * b2 + f7x2 * b1 + c8 * b0 + k19 * (f9x2 * b9) + (q7 >> 25); q7 &= m25;
                    q9 = c0 * b9 + c1 * b8 + c2 * b7 + c3 * b6 + c4 * b5 + c5 * b4 + c6 * b3 + c7 * b2 + c8 * b1 + c9 * b0 + (q8 >> 26); q8 &= m26;
                    q0 += (q9 >> 25) * k19; q9 &= m25;
                    q1 += q0 >> 26; q0 &= m26;
                    // Constant-time selection: A, B = C, D when mask is all ones.
                    a0 ^= mask & (a0 ^ c0); a1 ^= mask & (a1 ^ c1); a2 ^= mask & (a2 ^ c2); a3 ^= mask & (a3 ^ c3); a4 ^= mask & (a4 ^ c4);
                    a5 ^= mask & (a5 ^ c5); a6 ^= mask & (a6 ^ c6); a7 ^= mask & (a7 ^ c7); a8 ^= mask & (a8 ^ c8); a9 ^= mask & (a9 ^ c9);
                    b0 ^= mask & (b0 ^ d0); b1 ^= mask & (b1 ^ d1); b2 ^= mask & (b2 ^ d2); b3 ^= mask & (b3 ^ d3); b4 ^= mask & (b4 ^ d4);
                    b5 ^= mask & (b5 ^ d5); b6 ^= mask & (b6 ^ d6); b7 ^= mask & (b7 ^ d7); b8 ^= mask & (b8 ^ d8); b9 ^= mask & (b9 ^ d9);
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
                    // No final link: AA limb 0 stays below 2^36 (see the class comment).
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
                    // x3 = (DA + CB)^2.
                    a0 = p0 + q0; a1 = p1 + q1; a2 = p2 + q2; a3 = p3 + q3; a4 = p4 + q4;
                    a5 = p5 + q5; a6 = p6 + q6; a7 = p7 + q7; a8 = p8 + q8; a9 = p9 + q9;
                    s0x2 = a0 + a0; s1x2 = a1 + a1; s2x2 = a2 + a2; s3x2 = a3 + a3; s4x2 = a4 + a4; s5x2 = a5 + a5; s6x2 = a6 + a6; s7x2 = a7 + a7;
                    s5x38 = k38 * a5; s6x19 = k19 * a6; s7x38 = k38 * a7; s8x19 = k19 * a8; s9x38 = k38 * a9;
                    x3_0 = a0 * a0 + s1x2 * s9x38 + s2x2 * s8x19 + s3x2 * s7x38 + s4x2 * s6x19 + a5 * s5x38;
                    x3_1 = s0x2 * a1 + a2 * s9x38 + s3x2 * s8x19 + a4 * s7x38 + s5x2 * s6x19 + (x3_0 >> 26); x3_0 &= m26;
                    x3_2 = s0x2 * a2 + s1x2 * a1 + s3x2 * s9x38 + s4x2 * s8x19 + s5x2 * s7x38 + a6 * s6x19 + (x3_1 >> 25); x3_1 &= m25;
                    x3_3 = s0x2 * a3 + s1x2 * a2 + a4 * s9x38 + s5x2 * s8x19 + a6 * s7x38 + (x3_2 >> 26); x3_2 &= m26;
                    x3_4 = s0x2 * a4 + s1x2 * s3x2 + a2 * a2 + s5x2 * s9x38 + s6x2 * s8x19 + a7 * s7x38 + (x3_3 >> 25); x3_3 &= m25;
                    x3_5 = s0x2 * a5 + s1x2 * a4 + s2x2 * a3 + a6 * s9x38 + s7x2 * s8x19 + (x3_4 >> 26); x3_4 &= m26;
                    x3_6 = s0x2 * a6 + s1x2 * s5x2 + s2x2 * a4 + s3x2 * a3 + s7x2 * s9x38 + a8 * s8x19 + (x3_5 >> 25); x3_5 &= m25;
                    x3_7 = s0x2 * a7 + s1x2 * a6 + s2x2 * a5 + s3x2 * a4 + a8 * s9x38 + (x3_6 >> 26); x3_6 &= m26;
                    x3_8 = s0x2 * a8 + s1x2 * s7x2 + s2x2 * a6 + s3x2 * s5x2 + a4 * a4 + a9 * s9x38 + (x3_7 >> 25); x3_7 &= m25;
                    x3_9 = s0x2 * a9 + s1x2 * a8 + s2x2 * a7 + s3x2 * a6 + s4x2 * a5 + (x3_8 >> 26); x3_8 &= m26;
                    x3_0 += (x3_9 >> 25) * k19; x3_9 &= m25;
                    x3_1 += x3_0 >> 26; x3_0 &= m26;
                    // z3 = x1 (DA - CB)^2.
                    a0 = p0 - q0; a1 = p1 - q1; a2 = p2 - q2; a3 = p3 - q3; a4 = p4 - q4;
                    a5 = p5 - q5; a6 = p6 - q6; a7 = p7 - q7; a8 = p8 - q8; a9 = p9 - q9;
                    s0x2 = a0 + a0; s1x2 = a1 + a1; s2x2 = a2 + a2; s3x2 = a3 + a3; s4x2 = a4 + a4; s5x2 = a5 + a5; s6x2 = a6 + a6; s7x2 = a7 + a7;
                    s5x38 = k38 * a5; s6x19 = k19 * a6; s7x38 = k38 * a7; s8x19 = k19 * a8; s9x38 = k38 * a9;
                    b0 = a0 * a0 + s1x2 * s9x38 + s2x2 * s8x19 + s3x2 * s7x38 + s4x2 * s6x19 + a5 * s5x38;
                    b1 = s0x2 * a1 + a2 * s9x38 + s3x2 * s8x19 + a4 * s7x38 + s5x2 * s6x19 + (b0 >> 26); b0 &= m26;
                    b2 = s0x2 * a2 + s1x2 * a1 + s3x2 * s9x38 + s4x2 * s8x19 + s5x2 * s7x38 + a6 * s6x19 + (b1 >> 25); b1 &= m25;
                    b3 = s0x2 * a3 + s1x2 * a2 + a4 * s9x38 + s5x2 * s8x19 + a6 * s7x38 + (b2 >> 26); b2 &= m26;
                    b4 = s0x2 * a4 + s1x2 * s3x2 + a2 * a2 + s5x2 * s9x38 + s6x2 * s8x19 + a7 * s7x38 + (b3 >> 25); b3 &= m25;
                    b5 = s0x2 * a5 + s1x2 * a4 + s2x2 * a3 + a6 * s9x38 + s7x2 * s8x19 + (b4 >> 26); b4 &= m26;
                    b6 = s0x2 * a6 + s1x2 * s5x2 + s2x2 * a4 + s3x2 * a3 + s7x2 * s9x38 + a8 * s8x19 + (b5 >> 25); b5 &= m25;
                    b7 = s0x2 * a7 + s1x2 * a6 + s2x2 * a5 + s3x2 * a4 + a8 * s9x38 + (b6 >> 26); b6 &= m26;
                    b8 = s0x2 * a8 + s1x2 * s7x2 + s2x2 * a6 + s3x2 * s5x2 + a4 * a4 + a9 * s9x38 + (b7 >> 25); b7 &= m25;
                    b9 = s0x2 * a9 + s1x2 * a8 + s2x2 * a7 + s3x2 * a6 + s4x2 * a5 + (b8 >> 26); b8 &= m26;
                    b0 += (b9 >> 25) * k19; b9 &= m25;
                    // No final link: only x1 multiplies this (see the class comment).
                    z3_0 = b0 * x1_0 + b1 * x1x38_9 + b2 * x1x19_8 + b3 * x1x38_7 + b4 * x1x19_6 + b5 * x1x38_5 + b6 * x1x19_4 + b7 * x1x38_3 + b8 * x1x19_2 + b9 * x1x38_1;
                    z3_1 = b0 * x1_1 + b1 * x1_0 + b2 * x1x19_9 + b3 * x1x19_8 + b4 * x1x19_7 + b5 * x1x19_6 + b6 * x1x19_5 + b7 * x1x19_4 + b8 * x1x19_3 + b9 * x1x19_2 + (z3_0 >> 26); z3_0 &= m26;
                    z3_2 = b0 * x1_2 + b1 * x1x2_1 + b2 * x1_0 + b3 * x1x38_9 + b4 * x1x19_8 + b5 * x1x38_7 + b6 * x1x19_6 + b7 * x1x38_5 + b8 * x1x19_4 + b9 * x1x38_3 + (z3_1 >> 25); z3_1 &= m25;
                    z3_3 = b0 * x1_3 + b1 * x1_2 + b2 * x1_1 + b3 * x1_0 + b4 * x1x19_9 + b5 * x1x19_8 + b6 * x1x19_7 + b7 * x1x19_6 + b8 * x1x19_5 + b9 * x1x19_4 + (z3_2 >> 26); z3_2 &= m26;
                    z3_4 = b0 * x1_4 + b1 * x1x2_3 + b2 * x1_2 + b3 * x1x2_1 + b4 * x1_0 + b5 * x1x38_9 + b6 * x1x19_8 + b7 * x1x38_7 + b8 * x1x19_6 + b9 * x1x38_5 + (z3_3 >> 25); z3_3 &= m25;
                    z3_5 = b0 * x1_5 + b1 * x1_4 + b2 * x1_3 + b3 * x1_2 + b4 * x1_1 + b5 * x1_0 + b6 * x1x19_9 + b7 * x1x19_8 + b8 * x1x19_7 + b9 * x1x19_6 + (z3_4 >> 26); z3_4 &= m26;
                    z3_6 = b0 * x1_6 + b1 * x1x2_5 + b2 * x1_4 + b3 * x1x2_3 + b4 * x1_2 + b5 * x1x2_1 + b6 * x1_0 + b7 * x1x38_9 + b8 * x1x19_8 + b9 * x1x38_7 + (z3_5 >> 25); z3_5 &= m25;
                    z3_7 = b0 * x1_7 + b1 * x1_6 + b2 * x1_5 + b3 * x1_4 + b4 * x1_3 + b5 * x1_2 + b6 * x1_1 + b7 * x1_0 + b8 * x1x19_9 + b9 * x1x19_8 + (z3_6 >> 26); z3_6 &= m26;
                    z3_8 = b0 * x1_8 + b1 * x1x2_7 + b2 * x1_6 + b3 * x1x2_5 + b4 * x1_4 + b5 * x1x2_3 + b6 * x1_2 + b7 * x1x2_1 + b8 * x1_0 + b9 * x1x38_9 + (z3_7 >> 25); z3_7 &= m25;
                    z3_9 = b0 * x1_9 + b1 * x1_8 + b2 * x1_7 + b3 * x1_6 + b4 * x1_5 + b5 * x1_4 + b6 * x1_3 + b7 * x1_2 + b8 * x1_1 + b9 * x1_0 + (z3_8 >> 26); z3_8 &= m26;
                    z3_0 += (z3_9 >> 25) * k19; z3_9 &= m25;
                    z3_1 += z3_0 >> 26; z3_0 &= m26;
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
                while (word != done);
            }
            // Undo the last deferred swap: x2 = x3 and z2 = z3 when the last bit was 1.
            mask = -(long)lastBit;
            x2_0 ^= mask & (x2_0 ^ x3_0); x2_1 ^= mask & (x2_1 ^ x3_1); x2_2 ^= mask & (x2_2 ^ x3_2); x2_3 ^= mask & (x2_3 ^ x3_3); x2_4 ^= mask & (x2_4 ^ x3_4);
            x2_5 ^= mask & (x2_5 ^ x3_5); x2_6 ^= mask & (x2_6 ^ x3_6); x2_7 ^= mask & (x2_7 ^ x3_7); x2_8 ^= mask & (x2_8 ^ x3_8); x2_9 ^= mask & (x2_9 ^ x3_9);
            z2_0 ^= mask & (z2_0 ^ z3_0); z2_1 ^= mask & (z2_1 ^ z3_1); z2_2 ^= mask & (z2_2 ^ z3_2); z2_3 ^= mask & (z2_3 ^ z3_3); z2_4 ^= mask & (z2_4 ^ z3_4);
            z2_5 ^= mask & (z2_5 ^ z3_5); z2_6 ^= mask & (z2_6 ^ z3_6); z2_7 ^= mask & (z2_7 ^ z3_7); z2_8 ^= mask & (z2_8 ^ z3_8); z2_9 ^= mask & (z2_9 ^ z3_9);

            x2[0] = (int)x2_0; x2[1] = (int)x2_1; x2[2] = (int)x2_2; x2[3] = (int)x2_3; x2[4] = (int)x2_4;
            x2[5] = (int)x2_5; x2[6] = (int)x2_6; x2[7] = (int)x2_7; x2[8] = (int)x2_8; x2[9] = (int)x2_9;
            z2[0] = (int)z2_0; z2[1] = (int)z2_1; z2[2] = (int)z2_2; z2[3] = (int)z2_3; z2[4] = (int)z2_4;
            z2[5] = (int)z2_5; z2[6] = (int)z2_6; z2[7] = (int)z2_7; z2[8] = (int)z2_8; z2[9] = (int)z2_9;
        }
    }
}
