namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// The odd multiples B, 3B, 5B, ..., 63B of edwards25519's base point, computed once when the
    /// application starts (about 0.4 s of interpreter time, 5 KiB of heap). A table this wide lets the
    /// verifier's [S]B part use width-7 signed digits: about 256/8 = 32 additions instead of the
    /// 43 a width-5 table needs, on every verification.
    /// </summary>
    internal static class EdwardsBasePointTable
    {
        /// <summary>Window width of the base point's signed digits.</summary>
        public const int WindowWidth = 7;

        /// <summary>OddMultiples[k] = (2k + 1) B, k = 0..31. Callers must not modify it.</summary>
        public static readonly EdwardsCachedPoint[] OddMultiples = Compute();

        private static EdwardsCachedPoint[] Compute()
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

            EdwardsCachedPoint[] table = EdwardsDoubleScalarMultiplication.NewTable(1 << (WindowWidth - 2));
            EdwardsDoubleScalarMultiplication.FillOddMultiples(basePoint, table, new EdwardsCompletedPoint(), new EdwardsPoint(), new EdwardsPoint());
            return table;
        }
    }
}
