using System;

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
        private readonly EdwardsCompletedPoint _sum = new EdwardsCompletedPoint();
        private readonly EdwardsCachedPoint _entry = new EdwardsCachedPoint();
        private readonly int[] _baseYPlusX = Field25519.Create();
        private readonly int[] _baseYMinusX = Field25519.Create();
        private readonly int[] _baseT2d = Field25519.Create();

        /// <summary>
        /// result = [a]P + [b]B for the P whose split table is <paramref name="pTable"/>, projective
        /// (T not set). a and b: 32-byte scalars below 2^253.
        /// </summary>
        public void Compute(EdwardsPoint result, byte[] a, EdwardsSplitTable pTable, byte[] b)
        {
            sbyte[] aDigits = _aDigits, bDigits = _bDigits;
            Scalar25519.ComputeWindowDigits(a, aDigits, EdwardsSplitTable.WindowWidth);
            Scalar25519.ComputeWindowDigits(b, bDigits, EdwardsSplitTable.WindowWidth);

            EdwardsCompletedPoint sum = _sum;
            EdwardsCachedPoint entry = _entry;
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
                // A column without digits needs the doubling only, projective; otherwise the doubling
                // comes out extended for the first addition, and each addition after the first
                // extends the previous sum (pending: the sum is in the completed point, not in result).
                bool adds = !IsZeroColumn(aDigits, j) || !IsZeroColumn(bDigits, j);
                EdwardsDoubling.Double(result, result, adds);
                if (!adds) continue;
                bool pending = false;
                for (int c = 0, position = j; c < EdwardsSplitTable.RowCount; c++, position += EdwardsSplitTable.RowBits)
                {
                    int digit = aDigits[position];
                    if (digit != 0)
                    {
                        if (pending) sum.ToExtended(result);
                        AddDigit(sum, result, entry, pRows[c], digit);
                        pending = true;
                    }
                    digit = bDigits[position];
                    if (digit != 0)
                    {
                        if (pending) sum.ToExtended(result);
                        AddBaseDigit(sum, result, bEntries, c, digit);
                        pending = true;
                    }
                }
                sum.ToProjective(result);
            }
        }

        // sum = addend + digit * (the row's point): the row holds the odd multiples, packed; a negative digit subtracts.
        private static void AddDigit(EdwardsCompletedPoint sum, EdwardsPoint addend, EdwardsCachedPoint entry, int[][] row, int digit)
        {
            if (digit > 0)
            {
                entry.Unpack(row[digit >> 1]);
                sum.SetSum(addend, entry);
            }
            else
            {
                entry.Unpack(row[(-digit) >> 1]);
                sum.SetDifference(addend, entry);
            }
        }

        // sum = addend + digit * (2^(64c) B), from the base point's affine table.
        private void AddBaseDigit(EdwardsCompletedPoint sum, EdwardsPoint addend, int[] entries, int c, int digit)
        {
            bool subtract = digit < 0;
            int offset = c * EdwardsBasePointTable.RowSize + ((subtract ? -digit : digit) >> 1) * EdwardsBasePointTable.EntrySize;
            Array.Copy(entries, offset, _baseYPlusX, 0, Field25519.LimbCount);
            Array.Copy(entries, offset + 10, _baseYMinusX, 0, Field25519.LimbCount);
            Array.Copy(entries, offset + 20, _baseT2d, 0, Field25519.LimbCount);
            sum.SetMixedSum(addend, _baseYPlusX, _baseYMinusX, _baseT2d, subtract);
        }

        private static bool IsZeroColumn(sbyte[] digits, int j)
        {
            return digits[j] == 0 && digits[j + 64] == 0 && digits[j + 128] == 0 && digits[j + 192] == 0;
        }

        /// <summary>
        /// table[k] = (2k + 1) p packed, for every k of the table, using the scratch objects (twiceP's and
        /// the entries' cached forms go through the two cached scratch points).
        /// </summary>
        public static void FillOddMultiples(EdwardsPoint p, int[][] table, EdwardsCompletedPoint sum,
            EdwardsPoint twiceP, EdwardsPoint current, EdwardsCachedPoint twicePCached, EdwardsCachedPoint entry)
        {
            EdwardsDoubling.Double(twiceP, p, true);
            twicePCached.Set(twiceP);

            entry.Set(p);
            entry.Pack(table[0]);
            current.Set(p);
            for (int k = 1; k < table.Length; k++)
            {
                sum.SetSum(current, twicePCached);
                sum.ToExtended(current);
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
