namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// Constant-time inversion in GF(2^255 - 19) by Bernstein and Yang's safegcd ("Fast constant-time gcd
    /// computation and modular inversion", 2019) in its half-delta form: about a third of the interpreted
    /// instructions of Fermat's z^(p-2) (<see cref="Field25519Powers"/>: 254 squarings). The number of
    /// steps is fixed, nothing branches or indexes on the value, so the running time does not depend on z.
    /// <para>
    /// A divstep on (zeta, f, g), f odd: when zeta &lt; 0 and g is odd, (zeta, f, g) = (-zeta - 2, g, (g - f) / 2);
    /// otherwise (zeta - 1, f, (g + (g mod 2) f) / 2). From zeta = -1, f = p and g = z in [0, p), 590 steps
    /// reach g = 0 and f = +-gcd(p, z) = +-1 whenever 0 &lt;= g &lt;= f &lt; 2^256 (Bernstein and Yang's bound, as
    /// tightened for this variant in libsecp256k1's safegcd analysis); this does exactly 590.
    /// Extra steps on g = 0 change nothing but zeta. For z = 0, g stays 0, f stays p and d stays 0, so 0
    /// maps to 0 as Fermat's inversion does.
    /// </para>
    /// <para>
    /// A batch runs 19 divsteps on the low 19 bits of f and g only (they decide every step), packing each
    /// value with its row of the transition matrix in one long: F = f + 2^21 u + 2^42 v. The matrix rows
    /// are kept as fixed point (entry times 2^(19 - steps)), so one arithmetic shift halves g and its row
    /// together, exactly: after j steps 2^j g_j = q f + r g with integer q, r, and |u| + |v| &lt;= 2^19.
    /// With |f|, |g| &lt; 2^19 in the low field every field decodes and |F| &lt; 2^62. The batch's matrix
    /// then updates the full f and g, (f, g) = (u f + v g, q f + r g) / 2^19, exact integers (|f|, |g| &lt;= p
    /// throughout) in 38-bit limbs whose division by 2^19 is deferred to every other batch (see there), and
    /// d, e with d z = f K, e z = g K mod p: (d, e) = (u d + v e, q d + r e) mod p (no division: K gains
    /// 2^19 a batch, so starting from d = 0 and e = 2^-608, K = 2^-608 2^(19 batches) = 1 after the 32nd).
    /// At the end f = +-1, so 1/z = f d.
    /// </para>
    /// </summary>
    internal static class Field25519Inversion
    {
        // 31 batches of 19 divsteps and a last one of 1: the 590 the bound asks for.
        private const int FullBatches = 31;

        /// <summary>h = 1/z, and 0 for z = 0. scratch receives z's canonical limbs; h may be z, not scratch.</summary>
        public static void Invert(int[] h, int[] z, int[] scratch)
        {
            long m19 = 0x7ffff, m25 = 0x1ffffff, m26 = 0x3ffffff, k19 = 19, one = 1;
            long uOne = 1L << 40, rOne = 1L << 61, half20 = 1L << 20, half41 = 1L << 41;

            // g = z as an integer in [0, p): canonical limbs regrouped into 38-bit limbs (bit 38 i up).
            Field25519Encoding.Freeze(scratch, z);
            long l0 = scratch[0], l1 = scratch[1], l2 = scratch[2], l3 = scratch[3], l4 = scratch[4];
            long l5 = scratch[5], l6 = scratch[6], l7 = scratch[7], l8 = scratch[8], l9 = scratch[9];
            long g0 = l0 | ((l1 & 0xfff) << 26);
            long g1 = (l1 >> 12) | ((l2 & 0x1ffffff) << 13);
            long g2 = (l2 >> 25) | (l3 << 1) | ((l4 & 0xfff) << 26);
            long g3 = (l4 >> 12) | ((l5 & 0xffffff) << 14);
            long g4 = (l5 >> 24) | (l6 << 1) | ((l7 & 0x7ff) << 27);
            long g5 = (l7 >> 11) | ((l8 & 0xffffff) << 14);
            long g6 = (l8 >> 24) | (l9 << 2);
            // f = p = 2^255 - 19.
            long m38 = (1L << 38) - 1;
            long f0 = m38 - 18, f1 = m38, f2 = m38, f3 = m38, f4 = m38, f5 = m38, f6 = (1L << 27) - 1, f7 = 0, g7 = 0;
            int odd = 0;
            long d0 = 0, d1 = 0, d2 = 0, d3 = 0, d4 = 0, d5 = 0, d6 = 0;
            // e starts at 2^-608 mod p (38-bit limbs) rather than 1: it undoes the 2^19 each of the 32 batches
            // leaves in d and e, so no multiplication is left for the end.
            long e0 = 268024995131, e1 = 124875281824, e2 = 45686078716, e3 = 83757810980, e4 = 6532307746, e5 = 159059689847, e6 = 39077533;
            long k2To266 = 19 << 11; // 2^266 mod p
            long zeta = -1;
            long bigF, bigG, gOdd, swap, x, u, v, q, r, cf, cg;

            for (int batch = 0; batch < FullBatches; batch++)
            {
                // The low 19 bits of f and g: bits s to s + 18 of T's limb 0.
                bigF = ((f0 >> odd) & m19) + uOne;
                bigG = ((g0 >> odd) & m19) + rOne;
                // 19 divsteps, written out (a loop's counter costs more than a step's arithmetic). swap is all ones
                // when zeta < 0 and g is odd; x = g + (0, f or, on a swap, -f) is twice the new g, and on a swap
                // f + x = g is the new f.
                gOdd = -(bigG & one); swap = (zeta >> 63) & gOdd; zeta = (zeta ^ swap) - one;
                x = bigG + (((bigF ^ swap) - swap) & gOdd); bigF += swap & x; bigG = x >> 1;
                gOdd = -(bigG & one); swap = (zeta >> 63) & gOdd; zeta = (zeta ^ swap) - one;
                x = bigG + (((bigF ^ swap) - swap) & gOdd); bigF += swap & x; bigG = x >> 1;
                gOdd = -(bigG & one); swap = (zeta >> 63) & gOdd; zeta = (zeta ^ swap) - one;
                x = bigG + (((bigF ^ swap) - swap) & gOdd); bigF += swap & x; bigG = x >> 1;
                gOdd = -(bigG & one); swap = (zeta >> 63) & gOdd; zeta = (zeta ^ swap) - one;
                x = bigG + (((bigF ^ swap) - swap) & gOdd); bigF += swap & x; bigG = x >> 1;
                gOdd = -(bigG & one); swap = (zeta >> 63) & gOdd; zeta = (zeta ^ swap) - one;
                x = bigG + (((bigF ^ swap) - swap) & gOdd); bigF += swap & x; bigG = x >> 1;
                gOdd = -(bigG & one); swap = (zeta >> 63) & gOdd; zeta = (zeta ^ swap) - one;
                x = bigG + (((bigF ^ swap) - swap) & gOdd); bigF += swap & x; bigG = x >> 1;
                gOdd = -(bigG & one); swap = (zeta >> 63) & gOdd; zeta = (zeta ^ swap) - one;
                x = bigG + (((bigF ^ swap) - swap) & gOdd); bigF += swap & x; bigG = x >> 1;
                gOdd = -(bigG & one); swap = (zeta >> 63) & gOdd; zeta = (zeta ^ swap) - one;
                x = bigG + (((bigF ^ swap) - swap) & gOdd); bigF += swap & x; bigG = x >> 1;
                gOdd = -(bigG & one); swap = (zeta >> 63) & gOdd; zeta = (zeta ^ swap) - one;
                x = bigG + (((bigF ^ swap) - swap) & gOdd); bigF += swap & x; bigG = x >> 1;
                gOdd = -(bigG & one); swap = (zeta >> 63) & gOdd; zeta = (zeta ^ swap) - one;
                x = bigG + (((bigF ^ swap) - swap) & gOdd); bigF += swap & x; bigG = x >> 1;
                gOdd = -(bigG & one); swap = (zeta >> 63) & gOdd; zeta = (zeta ^ swap) - one;
                x = bigG + (((bigF ^ swap) - swap) & gOdd); bigF += swap & x; bigG = x >> 1;
                gOdd = -(bigG & one); swap = (zeta >> 63) & gOdd; zeta = (zeta ^ swap) - one;
                x = bigG + (((bigF ^ swap) - swap) & gOdd); bigF += swap & x; bigG = x >> 1;
                gOdd = -(bigG & one); swap = (zeta >> 63) & gOdd; zeta = (zeta ^ swap) - one;
                x = bigG + (((bigF ^ swap) - swap) & gOdd); bigF += swap & x; bigG = x >> 1;
                gOdd = -(bigG & one); swap = (zeta >> 63) & gOdd; zeta = (zeta ^ swap) - one;
                x = bigG + (((bigF ^ swap) - swap) & gOdd); bigF += swap & x; bigG = x >> 1;
                gOdd = -(bigG & one); swap = (zeta >> 63) & gOdd; zeta = (zeta ^ swap) - one;
                x = bigG + (((bigF ^ swap) - swap) & gOdd); bigF += swap & x; bigG = x >> 1;
                gOdd = -(bigG & one); swap = (zeta >> 63) & gOdd; zeta = (zeta ^ swap) - one;
                x = bigG + (((bigF ^ swap) - swap) & gOdd); bigF += swap & x; bigG = x >> 1;
                gOdd = -(bigG & one); swap = (zeta >> 63) & gOdd; zeta = (zeta ^ swap) - one;
                x = bigG + (((bigF ^ swap) - swap) & gOdd); bigF += swap & x; bigG = x >> 1;
                gOdd = -(bigG & one); swap = (zeta >> 63) & gOdd; zeta = (zeta ^ swap) - one;
                x = bigG + (((bigF ^ swap) - swap) & gOdd); bigF += swap & x; bigG = x >> 1;
                gOdd = -(bigG & one); swap = (zeta >> 63) & gOdd; zeta = (zeta ^ swap) - one;
                x = bigG + (((bigF ^ swap) - swap) & gOdd); bigF += swap & x; bigG = x >> 1;
                // Decode the rows: f + 2^21 u lies in (-2^41, 2^41) and f + 2^20 in (0, 2^21).
                v = (bigF + half41) >> 42;
                u = ((bigF + half20) << 22) >> 43;
                r = (bigG + half41) >> 42;
                q = ((bigG + half20) << 22) >> 43;

                // (f, g) = (u f + v g, q f + r g) / 2^19, kept as T / 2^s with T in 38-bit limbs (the top one signed)
                // and s = 0 after an even number of batches, 19 after an odd one: T is never shifted, and every other
                // batch divides by 2^38 by dropping T's low limb (zero once carried: the quotient is exact). A limb is
                // u f_i + v g_i plus the carry below: |u| + |v| <= 2^19 and f_i < 2^38, so every sum is below 2^58.
                if (odd == 0)
                {
                    // 7 limbs in (|f|, |g| <= p < 2^255), 8 out (|T| < 2^274).
                    cf = u * f0 + v * g0; cg = q * f0 + r * g0; f0 = cf & m38; g0 = cg & m38;
                    cf = u * f1 + v * g1 + (cf >> 38); cg = q * f1 + r * g1 + (cg >> 38); f1 = cf & m38; g1 = cg & m38;
                    cf = u * f2 + v * g2 + (cf >> 38); cg = q * f2 + r * g2 + (cg >> 38); f2 = cf & m38; g2 = cg & m38;
                    cf = u * f3 + v * g3 + (cf >> 38); cg = q * f3 + r * g3 + (cg >> 38); f3 = cf & m38; g3 = cg & m38;
                    cf = u * f4 + v * g4 + (cf >> 38); cg = q * f4 + r * g4 + (cg >> 38); f4 = cf & m38; g4 = cg & m38;
                    cf = u * f5 + v * g5 + (cf >> 38); cg = q * f5 + r * g5 + (cg >> 38); f5 = cf & m38; g5 = cg & m38;
                    cf = u * f6 + v * g6 + (cf >> 38); cg = q * f6 + r * g6 + (cg >> 38); f6 = cf & m38; g6 = cg & m38;
                    f7 = cf >> 38; g7 = cg >> 38;
                    odd = 19;
                }
                else
                {
                    // 8 limbs in, 7 out: limb 0 of the new T is dropped, only its carry is kept.
                    cf = u * f0 + v * g0; cg = q * f0 + r * g0;
                    cf = u * f1 + v * g1 + (cf >> 38); cg = q * f1 + r * g1 + (cg >> 38); f0 = cf & m38; g0 = cg & m38;
                    cf = u * f2 + v * g2 + (cf >> 38); cg = q * f2 + r * g2 + (cg >> 38); f1 = cf & m38; g1 = cg & m38;
                    cf = u * f3 + v * g3 + (cf >> 38); cg = q * f3 + r * g3 + (cg >> 38); f2 = cf & m38; g2 = cg & m38;
                    cf = u * f4 + v * g4 + (cf >> 38); cg = q * f4 + r * g4 + (cg >> 38); f3 = cf & m38; g3 = cg & m38;
                    cf = u * f5 + v * g5 + (cf >> 38); cg = q * f5 + r * g5 + (cg >> 38); f4 = cf & m38; g4 = cg & m38;
                    cf = u * f6 + v * g6 + (cf >> 38); cg = q * f6 + r * g6 + (cg >> 38); f5 = cf & m38; g5 = cg & m38;
                    f6 = u * f7 + v * g7 + (cf >> 38); g6 = q * f7 + r * g7 + (cg >> 38);
                    odd = 0;
                }

                // (d, e) = (u d + v e, q d + r e) mod p in 38-bit limbs, the carry out of limb 6 (bit 266 up) folded
                // back into limb 0 as 2^266 = 19 * 2^11 mod p. Limbs enter below 2^38 (limb 0 in (-2^35, 2^38 + 2^35)),
                // so every sum is below 2^19 (2^38 + 2^35) + 2^20 < 2^58, limb 6 carries out less than 2^20, and limb 0
                // ends in (-2^35, 2^38 + 2^35) again.
                cf = u * d0 + v * e0; cg = q * d0 + r * e0; d0 = cf & m38; e0 = cg & m38;
                cf = u * d1 + v * e1 + (cf >> 38); cg = q * d1 + r * e1 + (cg >> 38); d1 = cf & m38; e1 = cg & m38;
                cf = u * d2 + v * e2 + (cf >> 38); cg = q * d2 + r * e2 + (cg >> 38); d2 = cf & m38; e2 = cg & m38;
                cf = u * d3 + v * e3 + (cf >> 38); cg = q * d3 + r * e3 + (cg >> 38); d3 = cf & m38; e3 = cg & m38;
                cf = u * d4 + v * e4 + (cf >> 38); cg = q * d4 + r * e4 + (cg >> 38); d4 = cf & m38; e4 = cg & m38;
                cf = u * d5 + v * e5 + (cf >> 38); cg = q * d5 + r * e5 + (cg >> 38); d5 = cf & m38; e5 = cg & m38;
                cf = u * d6 + v * e6 + (cf >> 38); cg = q * d6 + r * e6 + (cg >> 38); d6 = cf & m38; e6 = cg & m38;
                d0 += (cf >> 38) * k2To266; e0 += (cg >> 38) * k2To266;
            }

            // The 590th divstep, after an odd number of batches (so s = 19). Its matrix entries are fixed point
            // like a full batch's (times 2^18 here), so f and d are again divided by 2^19 and gain 2^19, and
            // only they are needed now: f = +-1 (p when z = 0, with d = 0) and 1/z = f d.
            bigF = ((f0 >> 19) & m19) + uOne;
            bigG = ((g0 >> 19) & m19) + rOne;
            gOdd = -(bigG & one); swap = (zeta >> 63) & gOdd;
            x = bigG + (((bigF ^ swap) - swap) & gOdd); bigF += swap & x;
            v = (bigF + half41) >> 42;
            u = ((bigF + half20) << 22) >> 43;
            // f = (u T_f + v T_g) / 2^38 is +-1 or p: its sign is that of the carried sum's top limb.
            cf = u * f0 + v * g0;
            cf = u * f1 + v * g1 + (cf >> 38); cf = u * f2 + v * g2 + (cf >> 38); cf = u * f3 + v * g3 + (cf >> 38);
            cf = u * f4 + v * g4 + (cf >> 38); cf = u * f5 + v * g5 + (cf >> 38); cf = u * f6 + v * g6 + (cf >> 38);
            cf = u * f7 + v * g7 + (cf >> 38);
            long sign = cf >> 63;
            cf = u * d0 + v * e0; d0 = cf & m38;
            cf = u * d1 + v * e1 + (cf >> 38); d1 = cf & m38;
            cf = u * d2 + v * e2 + (cf >> 38); d2 = cf & m38;
            cf = u * d3 + v * e3 + (cf >> 38); d3 = cf & m38;
            cf = u * d4 + v * e4 + (cf >> 38); d4 = cf & m38;
            cf = u * d5 + v * e5 + (cf >> 38); d5 = cf & m38;
            cf = u * d6 + v * e6 + (cf >> 38); d6 = cf & m38;
            d0 += (cf >> 38) * k2To266;
            // d's value into h's limbs (from bit ceil(25.5 i), 26 or 25 wide) through d's 19-bit halves, every
            // shift below 26 so nothing overflows; the bits from 255 up fold into limb 0 times 19. Then the sign.
            long acc = d0;
            long h0 = acc & m26; acc >>= 26;
            acc += ((d1 & m19) << 12);
            long h1 = acc & m25; acc >>= 25;
            acc += ((d1 >> 19) << 6) + ((d2 & m19) << 25);
            long h2 = acc & m26; acc >>= 26;
            acc += ((d2 >> 19) << 18);
            long h3 = acc & m25; acc >>= 25;
            acc += ((d3 & m19) << 12);
            long h4 = acc & m26; acc >>= 26;
            acc += ((d3 >> 19) << 5) + ((d4 & m19) << 24);
            long h5 = acc & m25; acc >>= 25;
            acc += ((d4 >> 19) << 18);
            long h6 = acc & m26; acc >>= 26;
            acc += ((d5 & m19) << 11);
            long h7 = acc & m25; acc >>= 25;
            acc += ((d5 >> 19) << 5) + ((d6 & m19) << 24);
            long h8 = acc & m26; acc >>= 26;
            acc += ((d6 >> 19) << 17);
            long h9 = acc & m25; acc >>= 25;
            h0 += acc * k19;
            h[0] = (int)((h0 ^ sign) - sign); h[1] = (int)((h1 ^ sign) - sign); h[2] = (int)((h2 ^ sign) - sign);
            h[3] = (int)((h3 ^ sign) - sign); h[4] = (int)((h4 ^ sign) - sign); h[5] = (int)((h5 ^ sign) - sign);
            h[6] = (int)((h6 ^ sign) - sign); h[7] = (int)((h7 ^ sign) - sign); h[8] = (int)((h8 ^ sign) - sign);
            h[9] = (int)((h9 ^ sign) - sign);
        }
    }
}
