namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// [a]P + [b]B for edwards25519's base point B, the one scalar multiplication Ed25519 verification
    /// needs, from split tables of both points (<see cref="EdwardsSplitTable"/>: P's is prepared once
    /// per key by the verifier, B's is constant data, <see cref="EdwardsBasePointTable"/>). Both scalars are recoded into width-5 signed digits;
    /// digit 64c + j of either scalar is added, from row c, after the doubling for j, so one pass of
    /// 64 doublings and about 86 additions computes the sum (Straus/Shamir over eight 64-bit slices).
    /// Variable time: only for public scalars and points. Buffers are allocated once; not thread-safe.
    /// </summary>
    internal sealed class EdwardsDoubleScalarMultiplication
    {
        private readonly sbyte[] _aDigits = new sbyte[256];
        private readonly sbyte[] _bDigits = new sbyte[256];

        /// <summary>
        /// result = [a]P + [b]B for the P whose split table is <paramref name="pTable"/>, projective
        /// (T not set). a and b: 32-byte scalars below 2^253.
        /// </summary>
        public void Compute(EdwardsPoint result, byte[] a, EdwardsSplitTable pTable, byte[] b)
        {
            sbyte[] aDigits = _aDigits, bDigits = _bDigits;
            Scalar25519.ComputeWindowDigits(a, aDigits, EdwardsSplitTable.WindowWidth);
            Scalar25519.ComputeWindowDigits(b, bDigits, EdwardsSplitTable.WindowWidth);

            int[][][] pRows = pTable.Rows;
            int[] bEntries = EdwardsBasePointTable.Entries;
            result.SetIdentity();

            int j = EdwardsSplitTable.RowBits - 1;
            while (j >= 0 && IsZeroColumn(aDigits, j) && IsZeroColumn(bDigits, j))
            {
                j--;
            }
            for (; j >= 0; j--)
            {
                // The doubling comes out extended only when an addition follows, and each addition
                // only when another one follows (the last leaves result projective, one product less).
                int additions = CountDigits(aDigits, j) + CountDigits(bDigits, j);
                EdwardsDoubling.Double(result, result, additions > 0);
                for (int c = 0, position = j; additions > 0; c++, position += EdwardsSplitTable.RowBits)
                {
                    int digit = aDigits[position];
                    if (digit != 0)
                    {
                        additions--;
                        int[] entry = pRows[c][(digit > 0 ? digit : -digit) >> 1];
                        EdwardsAddition.Add(result, entry, 0, false, digit < 0, additions > 0);
                    }
                    digit = bDigits[position];
                    if (digit != 0)
                    {
                        additions--;
                        int offset = c * EdwardsBasePointTable.RowSize + ((digit > 0 ? digit : -digit) >> 1) * EdwardsBasePointTable.EntrySize;
                        EdwardsAddition.Add(result, bEntries, offset, true, digit < 0, additions > 0);
                    }
                }
            }
        }

        private static int CountDigits(sbyte[] digits, int j)
        {
            int count = 0;
            if (digits[j] != 0) count++;
            if (digits[j + 64] != 0) count++;
            if (digits[j + 128] != 0) count++;
            if (digits[j + 192] != 0) count++;
            return count;
        }

        private static bool IsZeroColumn(sbyte[] digits, int j)
        {
            return digits[j] == 0 && digits[j + 64] == 0 && digits[j + 128] == 0 && digits[j + 192] == 0;
        }

        /// <summary>
        /// table[k] = (2k + 1) p packed, for every k of the table (p extended, T set; not modified), using
        /// the scratch objects. 2p waits in the last slot, packed, until the last entry replaces it.
        /// </summary>
        public static void FillOddMultiples(EdwardsPoint p, int[][] table, EdwardsPoint twiceP, EdwardsPoint current, EdwardsCachedPoint entry)
        {
            int[] twicePPacked = table[table.Length - 1];
            EdwardsDoubling.Double(twiceP, p, true);
            entry.Set(twiceP);
            entry.Pack(twicePPacked);

            entry.Set(p);
            entry.Pack(table[0]);
            current.Set(p);
            for (int k = 1; k < table.Length; k++)
            {
                EdwardsAddition.Add(current, twicePPacked, 0, false, false, true);
                entry.Set(current);
                entry.Pack(table[k]);
            }
        }

        /// <summary>A table of size packed cached points.</summary>
        public static int[][] NewTable(int size)
        {
            int[][] table = new int[size][];
            for (int k = 0; k < size; k++)
            {
                table[k] = new int[EdwardsCachedPoint.PackedSize];
            }
            return table;
        }
    }
}
