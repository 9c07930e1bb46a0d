namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// A point of edwards25519 (-x^2 + y^2 = 1 + d x^2 y^2) in extended coordinates: x = X/Z, y = Y/Z,
    /// and T = XY/Z. Projective use (after <see cref="EdwardsCompletedPoint.ToProjective"/>) leaves T stale.
    /// Coordinates are always the output of a field multiplication (or small, after decoding), which is
    /// what the addition and doubling formulas assume of their inputs' limb sizes.
    /// </summary>
    internal sealed class EdwardsPoint
    {
        public readonly int[] X = Field25519.Create();
        public readonly int[] Y = Field25519.Create();
        public readonly int[] Z = Field25519.Create();
        public readonly int[] T = Field25519.Create();

        /// <summary>Sets this to the neutral element (0, 1).</summary>
        public void SetIdentity()
        {
            Field25519.SetZero(X);
            Field25519.SetOne(Y);
            Field25519.SetOne(Z);
            Field25519.SetZero(T);
        }

        /// <summary>Sets this to -this: (x, y) becomes (-x, y).</summary>
        public void Negate()
        {
            Field25519.Negate(X, X);
            Field25519.Negate(T, T);
        }

        /// <summary>
        /// Decodes RFC 8032's 32-byte encoding (y, with the sign of x in bit 255) as libsodium 1.0.18's
        /// ge25519_frombytes does: false when no x satisfies the curve equation for this y. Like libsodium
        /// it neither refuses y &gt;= p nor "negative zero" x; Ed25519 verification rejects those encodings
        /// before decoding, by its canonical and small-order checks.
        /// </summary>
        public bool TryDecode(byte[] s, int offset)
        {
            int[] u = Field25519.Create();
            int[] v = Field25519.Create();
            int[] v3 = Field25519.Create();
            int[] check = Field25519.Create();

            Field25519.FromBytes(Y, s, offset);
            Field25519.SetOne(Z);

            // x^2 = u / v with u = y^2 - 1 and v = d y^2 + 1 (the curve equation solved for x^2).
            Field25519Products.Square(u, Y);
            Field25519Products.Multiply(v, u, Curve25519Constants.D);
            Field25519.Subtract(u, u, Z);
            Field25519.Add(v, v, Z);

            // Candidate root x = u v^3 (u v^7)^((p-5)/8): one exponentiation yields a square root of u/v
            // up to a factor sqrt(-1), since p = 5 mod 8 (RFC 8032 section 5.1.3).
            Field25519Products.Square(v3, v);
            Field25519Products.Multiply(v3, v3, v);            // v^3
            Field25519Products.Square(X, v3);
            Field25519Products.Multiply(X, X, v);              // v^7
            Field25519Products.Multiply(X, X, u);              // u v^7
            Field25519Powers.RaiseToPMinus5Over8(X, X);
            Field25519Products.Multiply(X, X, v3);
            Field25519Products.Multiply(X, X, u);              // u v^3 (u v^7)^((p-5)/8)

            Field25519Products.Square(check, X);
            Field25519Products.Multiply(check, check, v);      // v x^2
            Field25519.Subtract(v, check, u);                  // v x^2 - u
            if (!Field25519.IsZero(v))
            {
                Field25519.Add(v, check, u);                   // v x^2 + u
                if (!Field25519.IsZero(v))
                {
                    return false; // u/v is not a square: no point has this y
                }
                Field25519Products.Multiply(X, X, Curve25519Constants.SqrtMinusOne);
            }

            if (Field25519.IsNegative(X) != (s[offset + 31] >> 7))
            {
                Field25519.Negate(X, X);
            }
            Field25519Products.Multiply(T, X, Y);
            return true;
        }

        /// <summary>Writes the canonical 32-byte encoding: y reduced mod p, the low bit of x in bit 255.</summary>
        public void Encode(byte[] s, int offset)
        {
            int[] inverseZ = Field25519.Create();
            int[] x = Field25519.Create();
            int[] y = Field25519.Create();
            Field25519Powers.Invert(inverseZ, Z);
            Field25519Products.Multiply(x, X, inverseZ);
            Field25519Products.Multiply(y, Y, inverseZ);
            Field25519.ToBytes(s, offset, y);
            s[offset + 31] |= (byte)(Field25519.IsNegative(x) << 7);
        }
    }
}
