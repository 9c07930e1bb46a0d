namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// Field constants of edwards25519 as canonical limbs (see <see cref="Field25519"/>), typed in rather
    /// than computed so that a boot spends nothing on them (computing them cost two exponentiations on
    /// the interpreter): d = -121665/121666 (RFC 8032 section 5.1), 2d, and sqrt(-1) = 2^((p-1)/4), a
    /// square root of -1 because 2 is not a square mod p. The host test Curve25519ConstantsTests checks
    /// every limb against those definitions, so no constant here is taken on trust.
    /// Callers must not modify the arrays.
    /// </summary>
    internal static class Curve25519Constants
    {
        public static readonly int[] D = { 0x35978a3, 0x0d37284, 0x3156ebd, 0x06a0a0e, 0x001c029, 0x179e898, 0x3a03cbb, 0x1ce7198, 0x2e2b6ff, 0x1480db3 };
        public static readonly int[] TwoD = { 0x2b2f159, 0x1a6e509, 0x22add7a, 0x0d4141d, 0x0038052, 0x0f3d130, 0x3407977, 0x19ce331, 0x1c56dff, 0x0901b67 };
        public static readonly int[] SqrtMinusOne = { 0x20ea0b0, 0x186c9d2, 0x08f189d, 0x035697f, 0x0bd0c60, 0x1fbd7a7, 0x2804c9e, 0x1e16569, 0x004fc1d, 0x0ae0c92 };
    }
}
