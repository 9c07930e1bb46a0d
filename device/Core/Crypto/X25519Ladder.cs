using System;

namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// The Montgomery ladder of <see cref="X25519"/> on buffers allocated once with the instance, so
    /// a scalar multiplication allocates nothing. Not thread-safe. The ladder, its doublings and the final
    /// products run in time independent of the scalar and the point; the one inversion does not, and sees
    /// only a blinded value.
    /// <para>
    /// Blinding. The ladder starts from (x1 r : r) instead of (x1 : 1), the same point, with r = k mod p, the
    /// clamped scalar read as a field element. Its formulas are homogeneous in each of its two points (a
    /// doubling scales by the fourth power of the input's factor, a differential addition by the squares of
    /// both), so it ends at (X0 rho : Z0 rho), where (X0 : Z0) is what the unblinded ladder would reach and
    /// rho = r^E for an exponent E fixed by the scalar's bits: the variable-time inversion
    /// (<see cref="Field25519VariableTimeInversion"/>, a quarter of a constant-time safegcd's instructions) only
    /// ever sees w = Z0 rho, and its running time is a function of w alone. Inverting Z0 itself would time a
    /// function of the projective Z, which is known to leak scalar bits to an observer who can compute Z, or
    /// a relation it satisfies, for a guess of a few bits of k and the public point (the "projective
    /// coordinates leak" attacks of Naccache, Smart and Stern, and of Cabrera Aldaya, Pereida Garcia and
    /// Brumley's "From A to Z"). rho is never 0 (k is a multiple of 8 below 2^255 &lt; 2p and p is odd, so
    /// k != p) and is unknown without the private key, so any prediction of w needs all of k, not a few of
    /// its bits, which is what those attacks cannot do without. w already changes with every point (Z0
    /// does); multiplying r by a public function of the point would add nothing the observer does not know.
    /// It costs one product and one load (blinding z2 and x2 at the end would cost two). What it is not: fresh
    /// randomness. The same scalar and point take the same time on every call, which tells an observer
    /// nothing he could not get by repeating the call; the hardware RNG is behind
    /// <see cref="Platform.IEntropySource"/>, out of reach of this static code, and Core's managed SHA-256
    /// would cost thousands of instructions to hash one into r. The two clamped scalars from p up
    /// (2^255 - 16 and 2^255 - 8) give r = 3 and 11: still correct, just weakly blinded, for two keys in 2^251.
    /// </para>
    /// </summary>
    internal sealed class X25519Ladder
    {
        private readonly byte[] _k = new byte[X25519.Size];
        private readonly long[] _swaps = new long[4];
        private readonly int[] _x1 = Field25519.Create();
        private readonly int[] _x2 = Field25519.Create();
        private readonly int[] _z2 = Field25519.Create();
        private readonly int[] _scratch = Field25519.Create();
        private readonly Field25519Workspace _work = new Field25519Workspace();

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
            // Blinded (see the class comment): (x1 r : r) with r = k mod p.
            Field25519.FromBytes(z2, k, 0);
            Field25519Products.Multiply(x2, _x1, z2);
            X25519Doubling.DoubleRepeatedly(x2, z2, 1);
            long[] swaps = _swaps;
            SwapBits(swaps, k);
            X25519LadderLoop.Run(swaps, (k[0] >> 3) & 1, _x1, x2, z2);
            // Bits 2..0 are 0 for every clamped scalar: three doublings, no differential addition needed.
            X25519Doubling.DoubleRepeatedly(x2, z2, 3);

            // x2 / z2, z2 blinded by the start; 1/0 is 0 here, so the point at infinity comes out as u = 0.
            Field25519VariableTimeInversion.Invert(z2, z2, _scratch, _work);
            Field25519Products.Multiply(x2, x2, z2);
            Field25519Encoding.ToBytes(output, 0, x2, _scratch);
            Array.Clear(k, 0, k.Length);
            Array.Clear(swaps, 0, swaps.Length);
        }

        /// <summary>
        /// The ladder's swap bits s_i = k_i ^ k_(i+1) for i = 253 down to 3, s = k ^ (k >> 1) over 256 bits,
        /// most significant first from the top bit of each word, each word closed by a 1 just below its bits:
        /// bits 253..191, 190..128, 127..65 (63 each), then 64..3 (62).
        /// </summary>
        private static void SwapBits(long[] swaps, byte[] k)
        {
            long k0 = Word(k, 0), k1 = Word(k, 8), k2 = Word(k, 16), k3 = Word(k, 24);
            long s0 = k0 ^ (long)(((ulong)k0 >> 1) | ((ulong)k1 << 63));
            long s1 = k1 ^ (long)(((ulong)k1 >> 1) | ((ulong)k2 << 63));
            long s2 = k2 ^ (long)(((ulong)k2 >> 1) | ((ulong)k3 << 63));
            long s3 = k3 ^ (long)((ulong)k3 >> 1);
            swaps[0] = (s3 << 2) | (long)(((ulong)s2 >> 63) << 1) | 1;
            swaps[1] = (s2 << 1) | 1;
            swaps[2] = s1 | 1;
            swaps[3] = (long)((((ulong)s0 >> 3) | ((ulong)s1 << 61)) << 2) | 2;
        }

        /// <summary>The little-endian 64-bit word of k at offset o.</summary>
        private static long Word(byte[] k, int o)
        {
            uint lo = (uint)(k[o] | (k[o + 1] << 8) | (k[o + 2] << 16) | (k[o + 3] << 24));
            uint hi = (uint)(k[o + 4] | (k[o + 5] << 8) | (k[o + 6] << 16) | (k[o + 7] << 24));
            return (long)(((ulong)hi << 32) | lo);
        }
    }
}
