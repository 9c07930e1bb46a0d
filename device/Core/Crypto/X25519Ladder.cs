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
        private readonly byte[] _k = new byte[X25519.Size];
        private readonly int[] _x1 = Field25519.Create();
        private readonly int[] _x2 = Field25519.Create();
        private readonly int[] _z2 = Field25519.Create();
        private readonly int[] _scratch = Field25519.Create();

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
            int[] x2 = _x2, z2 = _z2;
            Field25519.FromBytes(_x1, uBytes, 0);

            // Bit 254 is 1 for every clamped scalar: its ladder step leaves [2]u and u (RFC 7748's step from
            // (1 : 0), (u : 1) gives (4u^2 : 4u) for u, the same point), so the ladder starts there with one doubling.
            Field25519.Copy(x2, _x1);
            Field25519.SetOne(z2);
            X25519Doubling.DoubleRepeatedly(x2, z2, 1);
            X25519LadderLoop.Run(k, _x1, x2, z2);
            // Bits 2..0 are 0 for every clamped scalar: three doublings, no differential addition needed.
            X25519Doubling.DoubleRepeatedly(x2, z2, 3);

            // x2 / z2; 1/0 is 0 here, so the point at infinity comes out as u = 0.
            Field25519Inversion.Invert(z2, z2, _scratch);
            Field25519Products.Multiply(x2, x2, z2);
            Field25519Encoding.ToBytes(output, 0, x2, _scratch);
            Array.Clear(k, 0, k.Length);
        }
    }
}
