namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// The split table (<see cref="EdwardsSplitTable"/>) of edwards25519's base point B, computed once
    /// when the application starts: the odd multiples of B, 2^64 B, 2^128 B and 2^192 B, so the
    /// verifier's [S]B part runs in the same 64 doublings as its [h]A part.
    /// </summary>
    internal static class EdwardsBasePointTable
    {
        /// <summary>The table. Callers must not modify it.</summary>
        public static readonly EdwardsSplitTable Table = Compute();

        private static EdwardsSplitTable Compute()
        {
            // Encode y = 4/5 with a clear sign bit and decode it: RFC 8032's definition of B.
            Field25519Workspace work = new Field25519Workspace();
            int[] y = Field25519.Create();
            Field25519Powers.Invert(y, Field25519.FromInt(5), work);
            Field25519Products.Multiply(y, y, Field25519.FromInt(4));
            byte[] encoding = new byte[32];
            Field25519Encoding.ToBytes(encoding, 0, y, work.T0);

            EdwardsPoint basePoint = new EdwardsPoint();
            new EdwardsPointCodec().TryDecode(basePoint, encoding, 0);

            EdwardsSplitTable table = new EdwardsSplitTable();
            table.Fill(basePoint, new EdwardsCompletedPoint(), new EdwardsPoint(), new EdwardsPoint(), new EdwardsPoint(),
                new EdwardsCachedPoint(), new EdwardsCachedPoint());
            return table;
        }
    }
}
