namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// Odd multiples of a point P and of 2^64 P, 2^128 P and 2^192 P: Rows[c][k] = (2k + 1) 2^(64c) P
    /// for k = 0..7. A 253-bit scalar's width-5 signed digits at positions 64c + j then all meet in one
    /// pass of 64 doublings (j = 63..0) instead of 253, the bulk of a scalar multiplication's cost; the
    /// rows cost 192 doublings and four small tables once per point. 32 packed cached points: 5 KiB of
    /// limbs, about 6 KiB of nanoFramework heap with the array headers.
    /// </summary>
    internal sealed class EdwardsSplitTable
    {
        /// <summary>Rows of the table: one per 64-bit slice of the scalar.</summary>
        public const int RowCount = 4;

        /// <summary>Bits per slice.</summary>
        public const int RowBits = 64;

        /// <summary>Width of the signed digits the rows serve (odd digits up to 15).</summary>
        public const int WindowWidth = 5;

        private const int RowSize = 1 << (WindowWidth - 2);

        /// <summary>Rows[c][k]: packed cached points (see <see cref="EdwardsCachedPoint.Pack"/>).</summary>
        public readonly int[][][] Rows = NewRows();

        /// <summary>
        /// Fills the rows for p (extended coordinates, T set), using the scratch objects: current holds
        /// 2^(64c) p as the rows advance; p itself is not modified.
        /// </summary>
        public void Fill(EdwardsPoint p, EdwardsPoint current, EdwardsPoint scratch1, EdwardsPoint scratch2, EdwardsCachedPoint cached)
        {
            current.Set(p);
            for (int c = 0; c < RowCount; c++)
            {
                if (c > 0)
                {
                    // 64 doublings; only the last needs T (extended form) for the table's additions.
                    for (int i = 0; i < RowBits - 1; i++)
                    {
                        EdwardsDoubling.Double(current, current, false);
                    }
                    EdwardsDoubling.Double(current, current, true);
                }
                FillRow(c, current, scratch1, scratch2, cached);
            }
        }

        /// <summary>
        /// Fills row c alone from q = 2^(64c) P (extended coordinates, T set; not modified): how a table is built from
        /// a verified root's split points (<see cref="SplitPointsReader"/>) without the 192 doublings.
        /// </summary>
        public void FillRow(int c, EdwardsPoint q, EdwardsPoint scratch1, EdwardsPoint scratch2, EdwardsCachedPoint cached)
        {
            EdwardsDoubleScalarMultiplication.FillOddMultiples(q, Rows[c], scratch1, scratch2, cached);
        }

        private static int[][][] NewRows()
        {
            int[][][] rows = new int[RowCount][][];
            for (int c = 0; c < RowCount; c++)
            {
                rows[c] = EdwardsDoubleScalarMultiplication.NewTable(RowSize);
            }
            return rows;
        }
    }
}
