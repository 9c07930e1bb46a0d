namespace SecureOta.Device.Core.Platform
{
    /// <summary>
    /// Wall-clock time in Unix seconds (SNTP on the device). The ESP32 has no battery-backed clock, so
    /// right after boot this may be far in the past; the core then applies PROTOCOL.md's clock rule.
    /// </summary>
    public interface IClock
    {
        long UtcNowSeconds { get; }
    }
}
