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
        private readonly Field25519Workspace _work = new Field25519Workspace();
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
            Field25519.SetOne(_scratch);
            Double(x2, z2, _x1, _scratch);
            X25519LadderLoop.Run(k, _x1, x2, z2);
            // Bits 2..0 are 0 for every clamped scalar: three doublings, no differential addition needed.
            Double(x2, z2, x2, z2);
            Double(x2, z2, x2, z2);
            Double(x2, z2, x2, z2);

            // x2 / z2; 1/0 is 0 here, so the point at infinity comes out as u = 0.
            Field25519Inversion.Invert(z2, z2, _scratch);
            Field25519Products.Multiply(x2, x2, z2);
            Field25519Encoding.ToBytes(output, 0, x2, _scratch);
            Array.Clear(k, 0, k.Length);
        }

        /// <summary>
        /// (xOut : zOut) = [2] (x : z), the ladder's doubling: xOut = AA BB, zOut = E (AA + a24 E) for
        /// AA = (x + z)^2, BB = (x - z)^2, E = AA - BB. Outputs may alias inputs; uses the workspace.
        /// </summary>
        private void Double(int[] xOut, int[] zOut, int[] x, int[] z)
        {
            int[] aa = _work.T0, bb = _work.T1, e = _work.T2, t = _work.T3;
            Field25519.Add(aa, x, z);
            Field25519.Subtract(bb, x, z);
            Field25519Products.Square(aa, aa);
            Field25519Products.Square(bb, bb);
            Field25519.Subtract(e, aa, bb);
            Field25519Products.Multiply(xOut, aa, bb);
            AddA24Times(t, aa, e);
            Field25519Products.Multiply(zOut, e, t);
        }

        /// <summary>h = f + a24 g for a24 = 121665, carried as a product is (the ladder loop's same step).</summary>
        private static void AddA24Times(int[] h, int[] f, int[] g)
        {
            long m26 = 0x3ffffff, m25 = 0x1ffffff, a24 = 121665;
            long b0 = f[0] + a24 * g[0], b1 = f[1] + a24 * g[1], b2 = f[2] + a24 * g[2], b3 = f[3] + a24 * g[3], b4 = f[4] + a24 * g[4];
            long b5 = f[5] + a24 * g[5], b6 = f[6] + a24 * g[6], b7 = f[7] + a24 * g[7], b8 = f[8] + a24 * g[8], b9 = f[9] + a24 * g[9];
            b1 += b0 >> 26; b0 &= m26; b2 += b1 >> 25; b1 &= m25;
            b3 += b2 >> 26; b2 &= m26; b4 += b3 >> 25; b3 &= m25;
            b5 += b4 >> 26; b4 &= m26; b6 += b5 >> 25; b5 &= m25;
            b7 += b6 >> 26; b6 &= m26; b8 += b7 >> 25; b7 &= m25;
            b9 += b8 >> 26; b8 &= m26; b0 += (b9 >> 25) * 19; b9 &= m25;
            b1 += b0 >> 26; b0 &= m26;
            h[0] = (int)b0; h[1] = (int)b1; h[2] = (int)b2; h[3] = (int)b3; h[4] = (int)b4;
            h[5] = (int)b5; h[6] = (int)b6; h[7] = (int)b7; h[8] = (int)b8; h[9] = (int)b9;
        }
    }
}
