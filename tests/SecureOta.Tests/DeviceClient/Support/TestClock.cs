using SecureOta.Device.Core.Platform;

namespace SecureOta.Tests.DeviceClient.Support;

/// <summary>A clock the test sets; starts at <see cref="TestSite.Now"/>, its monotonic counter at an arbitrary uptime.</summary>
public sealed class TestClock : IClock
{
    public long UtcNowSeconds { get; set; } = TestSite.Now;

    /// <summary>Whether SNTP answered; false models a device that booted without network time.</summary>
    public bool IsSynchronized { get; set; } = true;

    private long _pendingMilliseconds;

    private long _monotonic = 5_000;

    /// <summary>When true the monotonic counter is the host's real one (for tests against a real server); else it is set.</summary>
    public bool RealMonotonic { get; set; }

    public long MonotonicMilliseconds
    {
        get => RealMonotonic ? Environment.TickCount64 : _monotonic;
        set => _monotonic = value;
    }

    /// <summary>Time passes: the monotonic counter and the wall clock both move by <paramref name="milliseconds"/>.</summary>
    public void Advance(long milliseconds)
    {
        MonotonicMilliseconds += milliseconds;
        _pendingMilliseconds += milliseconds;
        UtcNowSeconds += _pendingMilliseconds / 1000;
        _pendingMilliseconds %= 1000;
    }
}
