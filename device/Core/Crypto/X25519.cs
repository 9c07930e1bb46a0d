using System;

namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// X25519 Diffie-Hellman (RFC 7748 section 5), which nanoFramework lacks: the device's private key
    /// unwraps each release's content key with it. The ladder runs in time independent of the scalar and
    /// the point; the final inversion's time depends only on a value blinded by the scalar (see
    /// <see cref="X25519Ladder"/>). It returns whatever the function defines, including the all-zero
    /// output of a low-order point; callers reject that with <see cref="ConstantTime.IsZero"/> (RFC 7748
    /// section 6.1).
    /// </summary>
    public static class X25519
    {
        /// <summary>Length of scalars, u-coordinates and outputs.</summary>
        public const int Size = 32;

        // One ladder with its buffers preallocated, so a scalar multiplication allocates nothing; the
        // lock serialises callers (the device runs one at a time; host tests run in parallel).
        private static readonly object Gate = new object();
        private static readonly X25519Ladder Instance = new X25519Ladder();

        // u = 9, curve25519's base point. Only read.
        private static readonly byte[] BasePoint = { 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };

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
            Ladder(output32, scalar32, BasePoint);
        }

        private static void Ladder(byte[] output, byte[] scalarBytes, byte[] uBytes)
        {
            lock (Gate)
            {
                Instance.Run(output, scalarBytes, uBytes);
            }
        }

        private static void CheckLength(byte[] value, string name)
        {
            if (value == null) throw new ArgumentNullException(name);
            if (value.Length != Size) throw new ArgumentException("X25519 values are 32 bytes.", name);
        }
    }
}
