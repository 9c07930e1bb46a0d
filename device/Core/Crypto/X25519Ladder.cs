using System;

namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// The Montgomery ladder of <see cref="X25519"/> on buffers allocated once with the instance, so
    /// a scalar multiplication allocates nothing. Not thread-safe. Runs in time independent of the
    /// scalar and the point.
    /// </summary>
    internal sealed class X25519Ladder
    {
        // (A - 2) / 4 for curve25519's A = 486662: the constant of the ladder's doubling step.
        private const int A24 = 121665;

        private readonly byte[] _k = new byte[X25519.Size];
        private readonly Field25519Workspace _work = new Field25519Workspace();
        private readonly int[] _x1 = Field25519.Create();
        private readonly int[] _x2 = Field25519.Create();
        private readonly int[] _z2 = Field25519.Create();
        private readonly int[] _x3 = Field25519.Create();
        private readonly int[] _z3 = Field25519.Create();
        private readonly int[] _a = Field25519.Create();
        private readonly int[] _aa = Field25519.Create();
        private readonly int[] _b = Field25519.Create();
        private readonly int[] _bb = Field25519.Create();
        private readonly int[] _e = Field25519.Create();
        private readonly int[] _c = Field25519.Create();
        private readonly int[] _d = Field25519.Create();

        /// <summary>output = X25519(scalar, u): all three 32 bytes, checked by the caller.</summary>
        public void Run(byte[] output, byte[] scalarBytes, byte[] uBytes)
        {
            // Clamp a copy (RFC 7748 decodeScalar25519): clearing the low 3 bits makes the scalar a
            // multiple of the cofactor 8, so a point's small-order component cannot leak scalar bits;
            // fixing bit 254 gives every scalar the same ladder length.
            byte[] k = _k;
            Array.Copy(scalarBytes, k, X25519.Size);
            k[0] &= 248;
            k[31] &= 127;
            k[31] |= 64;

            // decodeUCoordinate: bit 255 is masked (FromBytes ignores it); u >= p acts as u mod p.
            int[] x1 = _x1, x2 = _x2, z2 = _z2, x3 = _x3, z3 = _z3;
            int[] a = _a, aa = _aa, b = _b, bb = _bb, e = _e, c = _c, d = _d;
            Field25519.FromBytes(x1, uBytes, 0);
            Field25519.SetOne(x2);
            Field25519.SetZero(z2);
            Field25519.Copy(x3, x1);
            Field25519.SetOne(z3);

            // Montgomery ladder: (x2:z2) = [n]u and (x3:z3) = [n+1]u for the bits n read so far. The
            // conditional swaps replace a branch on the secret bit; swapping only when consecutive
            // bits differ is equivalent to swapping in and out around every step. Bounds (see
            // Field25519Products): sums are 2-sized, differences 1-sized, so every product is in range.
            int swap = 0;
            for (int t = 254; t >= 0; t--)
            {
                int bit = (k[t >> 3] >> (t & 7)) & 1;
                swap ^= bit;
                Field25519.ConditionalSwap(x2, x3, z2, z3, swap);
                swap = bit;

                Field25519.Add(a, x2, z2);
                Field25519Products.Square(aa, a);
                Field25519.Subtract(b, x2, z2);
                Field25519Products.Square(bb, b);
                Field25519.Subtract(e, aa, bb);
                Field25519.Add(c, x3, z3);
                Field25519.Subtract(d, x3, z3);
                Field25519Products.Multiply(d, d, a);            // DA
                Field25519Products.Multiply(c, c, b);            // CB

                Field25519Products.SquareSum(x3, d, c);          // x3 = (DA + CB)^2
                Field25519Products.SquareDifference(z3, d, c);
                Field25519Products.Multiply(z3, z3, x1);         // z3 = x1 (DA - CB)^2
                Field25519Products.Multiply(x2, aa, bb);         // x2 = AA BB
                Field25519Products.MultiplySmallAdd(z2, e, A24, aa);
                Field25519Products.Multiply(z2, z2, e);          // z2 = E (AA + a24 E)
            }
            Field25519.ConditionalSwap(x2, x3, z2, z3, swap);

            // x2 / z2; 1/0 is 0 here, so the point at infinity comes out as u = 0.
            Field25519Powers.Invert(z2, z2, _work);
            Field25519Products.Multiply(x2, x2, z2);
            Field25519Encoding.ToBytes(output, 0, x2, a);
            Array.Clear(k, 0, k.Length);
        }
    }
}
