using SecureOta.Device.Core.Platform;

namespace SecureOta.Build.DeviceCost;

/// <summary>A device clock that reads a set time.</summary>
internal sealed class FixedClock(long now) : IClock
{
    public long UtcNowSeconds { get; } = now;

    /// <summary>As a device whose SNTP answered: the clock bounds manifests' issued times (C10).</summary>
    public bool IsSynchronized => true;

    /// <summary>Time does not pass in a counted step: every poll deadline and rate check sees zero elapsed time.</summary>
    public long MonotonicMilliseconds => 0;
}
