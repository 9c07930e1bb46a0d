using System;

namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// X25519 Diffie-Hellman (RFC 7748 section 5), which nanoFramework lacks: the device's private key
    /// unwraps each release's content key with it. Runs in time independent of the scalar and the
    /// point. It returns whatever the function defines, including the all-zero output of a low-order
    /// point; callers reject that with <see cref="ConstantTime.IsZero"/> (RFC 7748 section 6.1).
    /// </summary>
    public static class X25519
    {
        /// <summary>Length of scalars, u-coordinates and outputs.</summary>
        public const int Size = 32;

        // (A - 2) / 4 for curve25519's A = 486662: the constant of the ladder's doubling step.
        private const int A24 = 121665;

        /// <summary>output32 = X25519(scalar32, uPoint32). The inputs are not modified.</summary>
        public static void ScalarMult(byte[] output32, byte[] scalar32, byte[] uPoint32)
        {
            CheckLength(output32, "output32");
            CheckLength(scalar32, "scalar32");
            CheckLength(uPoint32, "uPoint32");
            Ladder(output32, scalar32, uPoint32);
        }

        /// <summary>output32 = X25519(scalar32, 9): the public key of a private scalar.</summary>
        public static void ScalarMultBase(byte[] output32, byte[] scalar32)
        {
            CheckLength(output32, "output32");
            CheckLength(scalar32, "scalar32");
            byte[] basePoint = new byte[Size];
            basePoint[0] = 9;
            Ladder(output32, scalar32, basePoint);
        }

        private static void Ladder(byte[] output, byte[] scalarBytes, byte[] uBytes)
        {
            // Clamp a copy (RFC 7748 decodeScalar25519): clearing the low 3 bits makes the scalar a
            // multiple of the cofactor 8, so a point's small-order component cannot leak scalar bits;
            // fixing bit 254 gives every scalar the same ladder length.
            byte[] k = new byte[Size];
            Array.Copy(scalarBytes, k, Size);
            k[0] &= 248;
            k[31] &= 127;
            k[31] |= 64;

            // decodeUCoordinate: bit 255 is masked (FromBytes ignores it); u >= p acts as u mod p.
            int[] x1 = Field25519.Create();
            Field25519.FromBytes(x1, uBytes, 0);

            int[] x2 = Field25519.FromInt(1);
            int[] z2 = Field25519.Create();
            int[] x3 = Field25519.Create();
            Field25519.Copy(x3, x1);
            int[] z3 = Field25519.FromInt(1);

            int[] a = Field25519.Create();
            int[] aa = Field25519.Create();
            int[] b = Field25519.Create();
            int[] bb = Field25519.Create();
            int[] e = Field25519.Create();
            int[] c = Field25519.Create();
            int[] d = Field25519.Create();
            int[] da = Field25519.Create();
            int[] cb = Field25519.Create();

            // Montgomery ladder: (x2:z2) = [n]u and (x3:z3) = [n+1]u for the bits n read so far. The
            // conditional swaps replace a branch on the secret bit; swapping only when consecutive
            // bits differ is equivalent to swapping in and out around every step.
            int swap = 0;
            for (int t = 254; t >= 0; t--)
            {
                int bit = (k[t >> 3] >> (t & 7)) & 1;
                swap ^= bit;
                Field25519.ConditionalSwap(x2, x3, swap);
                Field25519.ConditionalSwap(z2, z3, swap);
                swap = bit;

                Field25519.Add(a, x2, z2);
                Field25519Products.Square(aa, a);
                Field25519.Subtract(b, x2, z2);
                Field25519Products.Square(bb, b);
                Field25519.Subtract(e, aa, bb);
                Field25519.Add(c, x3, z3);
                Field25519.Subtract(d, x3, z3);
                Field25519Products.Multiply(da, d, a);
                Field25519Products.Multiply(cb, c, b);

                Field25519.Add(x3, da, cb);
                Field25519Products.Square(x3, x3);               // x3 = (DA + CB)^2
                Field25519.Subtract(z3, da, cb);
                Field25519Products.Square(z3, z3);
                Field25519Products.Multiply(z3, z3, x1);         // z3 = x1 (DA - CB)^2
                Field25519Products.Multiply(x2, aa, bb);         // x2 = AA BB
                Field25519Products.MultiplySmall(z2, e, A24);
                Field25519.Add(z2, z2, aa);
                Field25519Products.Multiply(z2, z2, e);          // z2 = E (AA + a24 E)
            }
            Field25519.ConditionalSwap(x2, x3, swap);
            Field25519.ConditionalSwap(z2, z3, swap);

            // x2 / z2; 1/0 is 0 here, so the point at infinity comes out as u = 0.
            Field25519Powers.Invert(z2, z2);
            Field25519Products.Multiply(x2, x2, z2);
            Field25519.ToBytes(output, 0, x2);
        }

        private static void CheckLength(byte[] value, string name)
        {
            if (value == null) throw new ArgumentNullException(name);
            if (value.Length != Size) throw new ArgumentException("X25519 values are 32 bytes.", name);
        }
    }
}
