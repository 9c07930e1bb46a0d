namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// The fixed exponentiations z^((p-5)/8), the square-root helper of Ed25519 point decoding, and
    /// z^(p-2) = 1/z, in GF(2^255 - 19): fixed chains of about 250 squarings and 11 multiplications, so their
    /// running time does not depend on z. (Inversion is normally <see cref="Field25519VariableTimeInversion"/>'s
    /// Euclid, a tenth of the instructions; z^(p-2) is its fallback for the rare z Euclid's batches cannot
    /// take.) The workspace's four elements are overwritten; h may be z, but neither may be one of them.
    /// </summary>
    internal static class Field25519Powers
    {
        /// <summary>h = z^((p-5)/8) = z^(2^252 - 3).</summary>
        public static void RaiseToPMinus5Over8(int[] h, int[] z, Field25519Workspace work)
        {
            int[] run = work.T0, t = work.T2;
            RaiseTo2To250Minus1(run, work.T1, z, work);
            Field25519Products.SquareRepeatedly(t, run, 2);   // z^(2^252 - 4)
            Field25519Products.Multiply(h, t, z);             // z^(2^252 - 3)
        }

        /// <summary>h = z^(p-2) = z^(2^255 - 21) = 1/z, and 0 for z = 0.</summary>
        public static void RaiseToPMinus2(int[] h, int[] z, Field25519Workspace work)
        {
            int[] run = work.T0, t = work.T2;
            RaiseTo2To250Minus1(run, work.T1, z, work);
            Field25519Products.SquareRepeatedly(t, run, 5);   // z^(2^255 - 32)
            Field25519Products.Multiply(h, t, work.T1);       // z^(2^255 - 21)
        }

        /// <summary>
        /// run = z^(2^250 - 1) and z11 = z^11: runs of ones are built by doubling their length
        /// (z^(2^2k - 1) = (z^(2^k - 1))^(2^k) * z^(2^k - 1)), the cheap way to reach (p - 5)/8's long run.
        /// run is work.T0 and z11 work.T1; T2 and T3 are scratch (T3 keeps z^2, then the 10- and 50-runs).
        /// </summary>
        private static void RaiseTo2To250Minus1(int[] run, int[] z11, int[] z, Field25519Workspace work)
        {
            int[] t = work.T2, saved = work.T3;

            Field25519Products.Square(saved, z);                // z^2
            Field25519Products.SquareRepeatedly(t, saved, 2);   // z^8
            Field25519Products.Multiply(t, t, z);               // z^9
            Field25519Products.Multiply(z11, t, saved);         // z^11
            Field25519Products.Square(run, z11);                // z^22
            Field25519Products.Multiply(run, run, t);           // z^31 = z^(2^5 - 1)

            Field25519Products.SquareRepeatedly(t, run, 5);
            Field25519Products.Multiply(run, t, run);           // z^(2^10 - 1)
            Field25519.Copy(saved, run);

            Field25519Products.SquareRepeatedly(t, run, 10);
            Field25519Products.Multiply(run, t, run);           // z^(2^20 - 1)
            Field25519Products.SquareRepeatedly(t, run, 20);
            Field25519Products.Multiply(run, t, run);           // z^(2^40 - 1)
            Field25519Products.SquareRepeatedly(t, run, 10);
            Field25519Products.Multiply(run, t, saved);         // z^(2^50 - 1)
            Field25519.Copy(saved, run);

            Field25519Products.SquareRepeatedly(t, run, 50);
            Field25519Products.Multiply(run, t, run);           // z^(2^100 - 1)
            Field25519Products.SquareRepeatedly(t, run, 100);
            Field25519Products.Multiply(run, t, run);           // z^(2^200 - 1)
            Field25519Products.SquareRepeatedly(t, run, 50);
            Field25519Products.Multiply(run, t, saved);         // z^(2^250 - 1)
        }
    }
}
