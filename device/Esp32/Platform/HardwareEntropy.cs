using System;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Esp32
{
    /// <summary>
    /// <see cref="IEntropySource"/> for the device's first-boot X25519 key. On the ESP32,
    /// nanoFramework's System.Random is native (nf-interpreter's ESP32 CLR_RT_Random): every byte is
    /// esp_random(), the chip's hardware RNG, and the seed is ignored.
    /// <para>
    /// Caveat: the ESP-IDF documents esp_random() as a true random source only while the radio
    /// (Wi-Fi or Bluetooth) is running, or while its bootloader entropy source is enabled; otherwise it
    /// is a pseudo-random sequence. The loader therefore creates the key only after Wi-Fi is connected
    /// (<see cref="RadioIsOn"/> must be set), and a key is generated once per device, at first boot.
    /// </para>
    /// </summary>
    public sealed class HardwareEntropy : IEntropySource
    {
        private readonly Random _random = new Random();

        /// <summary>Set by the caller once Wi-Fi is up; <see cref="Fill"/> refuses to run without it.</summary>
        public bool RadioIsOn { get; set; }

        public void Fill(byte[] buffer, int offset, int count)
        {
            if (buffer == null) throw new ArgumentNullException("buffer");
            if (offset < 0 || count < 0 || offset > buffer.Length - count) throw new ArgumentOutOfRangeException("count");
            if (!RadioIsOn) throw new InvalidOperationException("the hardware RNG is only a true random source with the radio on; connect Wi-Fi first");
            if (offset == 0 && count == buffer.Length)
            {
                _random.NextBytes(buffer);
                return;
            }
            // Random.NextBytes fills a whole array and has no (offset, count) overload: a slice needs a scratch copy.
            byte[] drawn = new byte[count];
            _random.NextBytes(drawn);
            Array.Copy(drawn, 0, buffer, offset, count);
            Array.Clear(drawn, 0, count);
        }
    }
}
