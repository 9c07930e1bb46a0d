namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// The "completed" result of an addition: x = X/Z and y = Y/T. Additions produce this form with no
    /// multiplications spent on normalising, and the caller then pays only for the form it needs next:
    /// projective (3 multiplications) or extended (4). (Doublings are written out whole in
    /// <see cref="EdwardsDoubling"/>, with the same formulas.)
    /// Formulas: Hisil, Wong, Carter, Dawson, "Twisted Edwards curves revisited" (2008), for a = -1;
    /// they are complete on edwards25519, so no input (identity, equal or opposite points) is special.
    /// </summary>
    internal sealed class EdwardsCompletedPoint
    {
        public readonly int[] X = Field25519.Create();
        public readonly int[] Y = Field25519.Create();
        public readonly int[] Z = Field25519.Create();
        public readonly int[] T = Field25519.Create();
        private readonly int[] scratch = Field25519.Create();

        /// <summary>this = p + q.</summary>
        public void SetSum(EdwardsPoint p, EdwardsCachedPoint q)
        {
            Combine(p, q.YPlusX, q.YMinusX, q, false);
        }

        /// <summary>this = p - q (adds -q, whose cached form swaps Y+X with Y-X and negates 2dT).</summary>
        public void SetDifference(EdwardsPoint p, EdwardsCachedPoint q)
        {
            Combine(p, q.YMinusX, q.YPlusX, q, true);
        }

        /// <summary>
        /// this = p + q (or p - q when <paramref name="subtract"/>) for an affine q given as
        /// (y + x, y - x, 2d x y): q's Z is 1, so D = 2 Z1 needs no multiplication.
        /// </summary>
        public void SetMixedSum(EdwardsPoint p, int[] qYPlusX, int[] qYMinusX, int[] qT2d, bool subtract)
        {
            Field25519.Add(X, p.Y, p.X);
            Field25519.Subtract(Y, p.Y, p.X);
            if (subtract)
            {
                // -q swaps y + x with y - x and negates 2d x y.
                Field25519Products.Multiply(Z, X, qYMinusX);   // B
                Field25519Products.Multiply(Y, Y, qYPlusX);    // A
            }
            else
            {
                Field25519Products.Multiply(Z, X, qYPlusX);    // B
                Field25519Products.Multiply(Y, Y, qYMinusX);   // A
            }
            Field25519Products.Multiply(T, qT2d, p.T);         // C (or -C for a difference)
            Field25519.Add(scratch, p.Z, p.Z);                 // D
            Finish(subtract);
        }

        /// <summary>Writes this as a projective point (T not computed).</summary>
        public void ToProjective(EdwardsPoint r)
        {
            Field25519Products.Multiply(r.X, X, T);
            Field25519Products.Multiply(r.Y, Y, Z);
            Field25519Products.Multiply(r.Z, Z, T);
        }

        /// <summary>Writes this as an extended point, ready to be added to.</summary>
        public void ToExtended(EdwardsPoint r)
        {
            Field25519Products.Multiply(r.X, X, T);
            Field25519Products.Multiply(r.Y, Y, Z);
            Field25519Products.Multiply(r.Z, Z, T);
            Field25519Products.Multiply(r.T, X, Y);
        }

        private void Combine(EdwardsPoint p, int[] qYPlusX, int[] qYMinusX, EdwardsCachedPoint q, bool negateT)
        {
            // With A = (Y1-X1)(Y2-X2), B = (Y1+X1)(Y2+X2), C = T1 2d T2, D = 2 Z1 Z2:
            // p + q = (E/G, H/F) for E = B - A, H = B + A, G = D + C, F = D - C.
            Field25519.Add(X, p.Y, p.X);
            Field25519.Subtract(Y, p.Y, p.X);
            Field25519Products.Multiply(Z, X, qYPlusX);        // B
            Field25519Products.Multiply(Y, Y, qYMinusX);       // A
            Field25519Products.Multiply(T, q.T2d, p.T);        // C (or -C for a difference)
            Field25519Products.Multiply(X, p.Z, q.Z);
            Field25519.Add(scratch, X, X);                     // D
            Finish(negateT);
        }

        // From B (in Z), A (in Y), C or -C (in T) and D (in scratch): E, H, G and F.
        private void Finish(bool negateT)
        {
            Field25519.Subtract(X, Z, Y);                      // E
            Field25519.Add(Y, Z, Y);                           // H
            if (negateT)
            {
                Field25519.Subtract(Z, scratch, T);            // G = D + (-C)
                Field25519.Add(T, scratch, T);                 // F = D - (-C)
            }
            else
            {
                Field25519.Add(Z, scratch, T);                 // G
                Field25519.Subtract(T, scratch, T);            // F
            }
        }
    }
}
