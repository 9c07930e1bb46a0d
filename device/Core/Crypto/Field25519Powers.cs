namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// Fixed exponentiations in GF(2^255 - 19): inversion (Fermat, z^(p-2)) and z^((p-5)/8), the
    /// square-root helper of Ed25519 point decoding. Both use the same fixed chain of 254 squarings and
    /// 11 multiplications, so their running time does not depend on z.
    /// </summary>
    internal static class Field25519Powers
    {
        /// <summary>h = 1/z (and 0 for z = 0), as z^(p-2) = z^(2^255 - 21).</summary>
        public static void Invert(int[] h, int[] z)
        {
            int[] z11 = Field25519.Create();
            int[] t = Field25519.Create();
            RaiseTo2To250Minus1(t, z11, z);
            Field25519Products.SquareRepeatedly(t, t, 5); // z^(2^255 - 32)
            Field25519Products.Multiply(h, t, z11);      // z^(2^255 - 21)
        }

        /// <summary>h = z^((p-5)/8) = z^(2^252 - 3).</summary>
        public static void RaiseToPMinus5Over8(int[] h, int[] z)
        {
            int[] z11 = Field25519.Create();
            int[] t = Field25519.Create();
            RaiseTo2To250Minus1(t, z11, z);
            Field25519Products.SquareRepeatedly(t, t, 2); // z^(2^252 - 4)
            Field25519Products.Multiply(h, t, z);        // z^(2^252 - 3)
        }

        /// <summary>
        /// result = z^(2^250 - 1) and z11 = z^11: runs of ones are built by doubling their length
        /// (z^(2^2k - 1) = (z^(2^k - 1))^(2^k) * z^(2^k - 1)), the cheap way to reach p - 2's long run.
        /// </summary>
        private static void RaiseTo2To250Minus1(int[] result, int[] z11, int[] z)
        {
            int[] z2 = Field25519.Create();
            int[] run = Field25519.Create();
            int[] t = Field25519.Create();

            Field25519Products.Square(z2, z);                   // z^2
            Field25519Products.SquareRepeatedly(t, z2, 2);      // z^8
            Field25519Products.Multiply(t, t, z);               // z^9
            Field25519Products.Multiply(z11, t, z2);            // z^11
            Field25519Products.Square(run, z11);                // z^22
            Field25519Products.Multiply(run, run, t);           // z^31 = z^(2^5 - 1)

            Field25519Products.SquareRepeatedly(t, run, 5);
            Field25519Products.Multiply(run, t, run);           // z^(2^10 - 1)
            int[] run10 = Field25519.Create();
            Field25519.Copy(run10, run);

            Field25519Products.SquareRepeatedly(t, run, 10);
            Field25519Products.Multiply(run, t, run);           // z^(2^20 - 1)
            Field25519Products.SquareRepeatedly(t, run, 20);
            Field25519Products.Multiply(run, t, run);           // z^(2^40 - 1)
            Field25519Products.SquareRepeatedly(t, run, 10);
            Field25519Products.Multiply(run, t, run10);         // z^(2^50 - 1)
            int[] run50 = Field25519.Create();
            Field25519.Copy(run50, run);

            Field25519Products.SquareRepeatedly(t, run, 50);
            Field25519Products.Multiply(run, t, run);           // z^(2^100 - 1)
            Field25519Products.SquareRepeatedly(t, run, 100);
            Field25519Products.Multiply(run, t, run);           // z^(2^200 - 1)
            Field25519Products.SquareRepeatedly(t, run, 50);
            Field25519Products.Multiply(result, t, run50);      // z^(2^250 - 1)
        }
    }
}
