namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// A point prepared for repeated addition: (Y + X, Y - X, Z, 2dT). Precomputing these saves a
    /// multiplication and two additions each time the point is added in a scalar multiplication.
    /// </summary>
    internal sealed class EdwardsCachedPoint
    {
        public readonly int[] YPlusX = Field25519.Create();
        public readonly int[] YMinusX = Field25519.Create();
        public readonly int[] Z = Field25519.Create();
        public readonly int[] T2d = Field25519.Create();

        /// <summary>Sets this from an extended point.</summary>
        public void Set(EdwardsPoint p)
        {
            Field25519.Add(YPlusX, p.Y, p.X);
            Field25519.Subtract(YMinusX, p.Y, p.X);
            Field25519.Copy(Z, p.Z);
            Field25519Products.Multiply(T2d, p.T, Curve25519Constants.TwoD);
        }
    }
}
