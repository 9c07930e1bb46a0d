using System.Security.Cryptography;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Host;

/// <summary>
/// The host's <see cref="IEntropySource"/>: the operating system's CSPRNG through
/// <see cref="RandomNumberGenerator"/>, standing in for the ESP32's hardware RNG when the simulator
/// generates its device key at first boot. Stateless and safe to share between threads.
/// </summary>
public sealed class RandomEntropySource : IEntropySource
{
    public void Fill(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (offset < 0 || count < 0 || count > buffer.Length - offset)
            throw new ArgumentOutOfRangeException(nameof(count), "buffer[offset, offset+count) must lie inside buffer.");
        RandomNumberGenerator.Fill(buffer.AsSpan(offset, count));
    }
}
