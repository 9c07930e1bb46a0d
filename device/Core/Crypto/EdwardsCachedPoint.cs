using System;

namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// A point prepared for repeated addition: (Y + X, Y - X, Z, 2dT). Precomputing these saves a
    /// multiplication and two additions each time the point is added in a scalar multiplication.
    /// </summary>
    internal sealed class EdwardsCachedPoint
    {
        /// <summary>
        /// Ints of a packed cached point: the four coordinates in one array. Tables keep their points
        /// packed because on nanoFramework every array carries a header of its own: one int[40] instead of
        /// four int[10] and an object saves about a third of a table's heap (about 100 bytes a point).
        /// </summary>
        public const int PackedSize = 4 * Field25519.LimbCount;

        public readonly int[] YPlusX = Field25519.Create();
        public readonly int[] YMinusX = Field25519.Create();
        public readonly int[] Z = Field25519.Create();
        public readonly int[] T2d = Field25519.Create();

        /// <summary>Writes this point into packed[0, 40).</summary>
        public void Pack(int[] packed)
        {
            Array.Copy(YPlusX, 0, packed, 0, Field25519.LimbCount);
            Array.Copy(YMinusX, 0, packed, 10, Field25519.LimbCount);
            Array.Copy(Z, 0, packed, 20, Field25519.LimbCount);
            Array.Copy(T2d, 0, packed, 30, Field25519.LimbCount);
        }

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
