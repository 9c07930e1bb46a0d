namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// [a]P + [b]B for edwards25519's base point B, the one scalar multiplication Ed25519 verification
    /// needs. Both scalars are recoded into signed odd digits (width 5 for P, whose table is built per
    /// call; width 7 for B, from <see cref="EdwardsBasePointTable"/>) and processed in a single pass of
    /// doublings (Straus/Shamir): about 253 doublings, 43 additions of P multiples and 32 of B
    /// multiples. Variable time: only for public scalars and points. Every buffer is allocated once,
    /// with the instance; not thread-safe.
    /// </summary>
    internal sealed class EdwardsDoubleScalarMultiplication
    {
        private const int PointWindowWidth = 5;
        private const int PointTableSize = 1 << (PointWindowWidth - 2); // P, 3P, ..., 15P

        private readonly sbyte[] _aDigits = new sbyte[256];
        private readonly sbyte[] _bDigits = new sbyte[256];
        private readonly EdwardsCachedPoint[] _pOddMultiples = NewTable(PointTableSize);
        private readonly EdwardsCompletedPoint _sum = new EdwardsCompletedPoint();
        private readonly EdwardsPoint _addend = new EdwardsPoint();
        private readonly EdwardsPoint _twiceP = new EdwardsPoint();

        /// <summary>
        /// Prepares the table of p's odd multiples that <see cref="Compute"/> uses, which stays valid
        /// until the next call: a verifier that sees the same key again skips this (about 50,000 IL).
        /// </summary>
        public void SetPoint(EdwardsPoint p)
        {
            FillOddMultiples(p, _pOddMultiples, _sum, _twiceP, _addend);
        }

        /// <summary>
        /// result = [a]p + [b]B for the p of the last <see cref="SetPoint"/>, projective (T not set).
        /// a and b: 32-byte scalars below 2^253.
        /// </summary>
        public void Compute(EdwardsPoint result, byte[] a, byte[] b)
        {
            sbyte[] aDigits = _aDigits, bDigits = _bDigits;
            Scalar25519.ComputeWindowDigits(a, aDigits, PointWindowWidth);
            Scalar25519.ComputeWindowDigits(b, bDigits, EdwardsBasePointTable.WindowWidth);

            EdwardsCompletedPoint sum = _sum;
            EdwardsPoint addend = _addend;
            EdwardsCachedPoint[] pTable = _pOddMultiples, bTable = EdwardsBasePointTable.OddMultiples;
            result.SetIdentity();

            int i = 255;
            while (i >= 0 && aDigits[i] == 0 && bDigits[i] == 0)
            {
                i--;
            }
            for (; i >= 0; i--)
            {
                sum.SetDouble(result);
                int digit = aDigits[i];
                if (digit != 0)
                {
                    sum.ToExtended(addend);
                    if (digit > 0) sum.SetSum(addend, pTable[digit >> 1]);
                    else sum.SetDifference(addend, pTable[(-digit) >> 1]);
                }
                digit = bDigits[i];
                if (digit != 0)
                {
                    sum.ToExtended(addend);
                    if (digit > 0) sum.SetSum(addend, bTable[digit >> 1]);
                    else sum.SetDifference(addend, bTable[(-digit) >> 1]);
                }
                sum.ToProjective(result);
            }
        }

        /// <summary>table[k] = (2k + 1) p for every k of the table, using the three scratch objects.</summary>
        public static void FillOddMultiples(EdwardsPoint p, EdwardsCachedPoint[] table, EdwardsCompletedPoint sum,
            EdwardsPoint twiceP, EdwardsPoint current)
        {
            sum.SetDouble(p);
            sum.ToExtended(twiceP);
            // The last entry is only scratch until the loop overwrites it: it holds 2p's cached form.
            EdwardsCachedPoint twicePCached = table[table.Length - 1];
            twicePCached.Set(twiceP);

            table[0].Set(p);
            current.Set(p);
            for (int k = 1; k < table.Length; k++)
            {
                sum.SetSum(current, twicePCached);
                sum.ToExtended(current);
                table[k].Set(current);
            }
        }

        /// <summary>A table of size new cached points.</summary>
        public static EdwardsCachedPoint[] NewTable(int size)
        {
            EdwardsCachedPoint[] table = new EdwardsCachedPoint[size];
            for (int k = 0; k < size; k++)
            {
                table[k] = new EdwardsCachedPoint();
            }
            return table;
        }
    }
}
