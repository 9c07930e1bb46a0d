namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// Field constants of edwards25519, computed once from their definitions rather than typed in as
    /// limb tables, so there is no opaque constant to get wrong: d = -121665/121666 (RFC 8032 section
    /// 5.1), 2d, and sqrt(-1) = 2^((p-1)/4), a square root of -1 because 2 is not a square mod p.
    /// Callers must not modify the arrays.
    /// </summary>
    internal static class Curve25519Constants
    {
        public static readonly int[] D;
        public static readonly int[] TwoD;
        public static readonly int[] SqrtMinusOne;

        static Curve25519Constants()
        {
            Field25519Workspace work = new Field25519Workspace();
            D = Field25519.Create();
            Field25519Powers.Invert(D, Field25519.FromInt(121666), work);
            Field25519Products.Multiply(D, D, Field25519.FromInt(-121665));

            TwoD = Field25519.Create();
            Field25519.Add(TwoD, D, D);
            Field25519Products.Multiply(TwoD, TwoD, Field25519.FromInt(1)); // carry: keep limbs product-sized

            // 2^((p-1)/4) = 2^(2^253 - 5) = (2^(2^252 - 3))^2 * 2.
            int[] two = Field25519.FromInt(2);
            SqrtMinusOne = Field25519.Create();
            Field25519Powers.RaiseToPMinus5Over8(SqrtMinusOne, two, work);
            Field25519Products.Square(SqrtMinusOne, SqrtMinusOne);
            Field25519Products.Multiply(SqrtMinusOne, SqrtMinusOne, two);
        }
    }
}
