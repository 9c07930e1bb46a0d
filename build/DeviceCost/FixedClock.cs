using SecureOta.Device.Core.Platform;

namespace SecureOta.Build.DeviceCost;

/// <summary>A device clock that reads a set time.</summary>
internal sealed class FixedClock(long now) : IClock
{
    public long UtcNowSeconds { get; } = now;
}
