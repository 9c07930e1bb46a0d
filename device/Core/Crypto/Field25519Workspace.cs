namespace SecureOta.Device.Core.Crypto
{
    /// <summary>
    /// Four field elements of scratch space for <see cref="Field25519Powers"/>, allocated once by
    /// their owner (a verifier, the X25519 ladder, the constants) so that no exponentiation allocates.
    /// </summary>
    internal sealed class Field25519Workspace
    {
        public readonly int[] T0 = Field25519.Create();
        public readonly int[] T1 = Field25519.Create();
        public readonly int[] T2 = Field25519.Create();
        public readonly int[] T3 = Field25519.Create();
    }
}
