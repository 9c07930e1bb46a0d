namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// A point of edwards25519 (-x^2 + y^2 = 1 + d x^2 y^2) in extended coordinates: x = X/Z, y = Y/Z,
    /// and T = XY/Z. Projective use (the doublings and additions that skip T) leaves T stale.
    /// Coordinates are always the output of a field multiplication (or small, after decoding), which is
    /// what the addition and doubling formulas assume of their inputs' limb sizes.
    /// Decoding and encoding are in <see cref="EdwardsPointCodec"/>, which owns their scratch space.
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

        /// <summary>Sets this to p.</summary>
        public void Set(EdwardsPoint p)
        {
            Field25519.Copy(X, p.X);
            Field25519.Copy(Y, p.Y);
            Field25519.Copy(Z, p.Z);
            Field25519.Copy(T, p.T);
        }
    }
}
