namespace SecureOta.Device.Core.Platform
{
    /// <summary>
    /// AES-128, the device's only native cipher (nanoFramework's Aes in ECB or CBC mode).
    /// All operations work in place on whole 16-byte blocks; keys are 16 bytes.
    /// </summary>
    public interface IAes128
    {
        /// <summary>CBC-decrypts buffer[offset, offset+count) in place; count is a multiple of 16. iv is not modified.</summary>
        void DecryptCbc(byte[] key, byte[] iv, byte[] buffer, int offset, int count);

        /// <summary>Encrypts the single block buffer[offset, offset+16) in place (ECB).</summary>
        void EncryptBlock(byte[] key, byte[] buffer, int offset);

        /// <summary>Decrypts the single block buffer[offset, offset+16) in place (ECB).</summary>
        void DecryptBlock(byte[] key, byte[] buffer, int offset);
    }
}
