namespace SecureOta.Device.Core.Platform
{
    /// <summary>
    /// HMAC-SHA256, the device's native bulk digest (nanoFramework's HMACSHA256 runs in mbedTLS).
    /// The core uses it as a hash under fixed public keys (see docs/PROTOCOL.md, "Digest function")
    /// and for HKDF. Implementations must not keep references to the arrays passed in.
    /// </summary>
    public interface IHmacSha256
    {
        /// <summary>Writes HMAC-SHA256(key, data[offset, offset+count)) into output[outputOffset, +32).</summary>
        void Compute(byte[] key, byte[] data, int offset, int count, byte[] output, int outputOffset);
    }
}
