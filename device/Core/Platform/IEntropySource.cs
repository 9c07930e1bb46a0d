namespace SecureOta.Device.Core.Platform
{
    /// <summary>
    /// Random bytes from a hardware source, for the device's first-boot key generation. On the ESP32,
    /// nanoFramework's System.Random draws on the hardware RNG (with the radio on, as the ESP-IDF
    /// requires for true randomness); on the host, the operating system's CSPRNG.
    /// </summary>
    public interface IEntropySource
    {
        /// <summary>Fills buffer[offset, offset+count) with random bytes.</summary>
        void Fill(byte[] buffer, int offset, int count);
    }
}
