using SecureOta.Device.Core.Platform;

namespace SecureOta.Build.DeviceCost;

/// <summary>
/// Entropy that hands out one given key: the boot steps' device.key then holds the poll device's own
/// recipient key, so the key a boot loads is the one its cached root was tagged under.
/// </summary>
internal sealed class FixedEntropy(byte[] bytes) : IEntropySource
{
    public void Fill(byte[] buffer, int offset, int count)
    {
        if (count != bytes.Length) throw new InvalidOperationException($"the fixed entropy holds {bytes.Length} bytes, not {count}");
        Array.Copy(bytes, 0, buffer, offset, count);
    }
}
