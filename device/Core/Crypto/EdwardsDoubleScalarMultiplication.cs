namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// [a]P + [b]B for edwards25519's base point B, the one scalar multiplication Ed25519 verification
    /// needs. Both scalars are recoded into width-5 signed digits and processed in a single pass of
    /// doublings (Straus/Shamir), adding from tables of odd multiples: about 253 doublings and 85
    /// additions in all. Variable time: only for public scalars and points.
    /// </summary>
    internal static class EdwardsDoubleScalarMultiplication
    {
        private const int TableSize = 8; // P, 3P, 5P, ..., 15P: the odd digits up to 15

        // B, 3B, ..., 15B, computed once. B is the point with y = 4/5 and even ("positive") x.
        private static readonly EdwardsCachedPoint[] BaseOddMultiples = ComputeBaseOddMultiples();

        /// <summary>result = [a]p + [b]B, projective (T not set). a and b: 32-byte scalars below 2^253.</summary>
        public static void Compute(EdwardsPoint result, byte[] a, EdwardsPoint p, byte[] b)
        {
            sbyte[] aDigits = new sbyte[256];
            sbyte[] bDigits = new sbyte[256];
            Scalar25519.ComputeWindowDigits(a, aDigits);
            Scalar25519.ComputeWindowDigits(b, bDigits);

            EdwardsCachedPoint[] pOddMultiples = NewTable();
            FillOddMultiples(p, pOddMultiples);

            EdwardsCompletedPoint sum = new EdwardsCompletedPoint();
            EdwardsPoint addend = new EdwardsPoint();
            result.SetIdentity();

            int i = 255;
            while (i >= 0 && aDigits[i] == 0 && bDigits[i] == 0)
            {
                i--;
            }
            for (; i >= 0; i--)
            {
                sum.SetDouble(result);
                AddDigit(sum, addend, pOddMultiples, aDigits[i]);
                AddDigit(sum, addend, BaseOddMultiples, bDigits[i]);
                sum.ToProjective(result);
            }
        }

        /// <summary>table[k] = (2k + 1) p for k = 0..7.</summary>
        public static void FillOddMultiples(EdwardsPoint p, EdwardsCachedPoint[] table)
        {
            EdwardsCompletedPoint sum = new EdwardsCompletedPoint();
            EdwardsPoint twiceP = new EdwardsPoint();
            EdwardsPoint current = new EdwardsPoint();

            sum.SetDouble(p);
            sum.ToExtended(twiceP);
            EdwardsCachedPoint twicePCached = new EdwardsCachedPoint();
            twicePCached.Set(twiceP);

            table[0].Set(p);
            Field25519.Copy(current.X, p.X);
            Field25519.Copy(current.Y, p.Y);
            Field25519.Copy(current.Z, p.Z);
            Field25519.Copy(current.T, p.T);
            for (int k = 1; k < TableSize; k++)
            {
                sum.SetSum(current, twicePCached);
                sum.ToExtended(current);
                table[k].Set(current);
            }
        }

        private static void AddDigit(EdwardsCompletedPoint sum, EdwardsPoint addend, EdwardsCachedPoint[] table, int digit)
        {
            if (digit == 0) return;
            sum.ToExtended(addend);
            if (digit > 0)
            {
                sum.SetSum(addend, table[digit >> 1]);
            }
            else
            {
                sum.SetDifference(addend, table[(-digit) >> 1]);
            }
        }

        private static EdwardsCachedPoint[] NewTable()
        {
            EdwardsCachedPoint[] table = new EdwardsCachedPoint[TableSize];
            for (int k = 0; k < TableSize; k++)
            {
                table[k] = new EdwardsCachedPoint();
            }
            return table;
        }

        private static EdwardsCachedPoint[] ComputeBaseOddMultiples()
        {
            // Encode y = 4/5 with a clear sign bit and decode it: RFC 8032's definition of B.
            int[] y = Field25519.Create();
            Field25519Powers.Invert(y, Field25519.FromInt(5));
            Field25519Products.Multiply(y, y, Field25519.FromInt(4));
            byte[] encoding = new byte[32];
            Field25519.ToBytes(encoding, 0, y);

            EdwardsPoint basePoint = new EdwardsPoint();
            basePoint.TryDecode(encoding, 0);

            EdwardsCachedPoint[] table = NewTable();
            FillOddMultiples(basePoint, table);
            return table;
        }
    }
}
