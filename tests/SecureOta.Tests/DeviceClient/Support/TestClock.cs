using SecureOta.Device.Core.Platform;

namespace SecureOta.Tests.DeviceClient.Support;

/// <summary>A clock the test sets; starts at <see cref="TestSite.Now"/>.</summary>
public sealed class TestClock : IClock
{
    public long UtcNowSeconds { get; set; } = TestSite.Now;

    /// <summary>Whether SNTP answered; false models a device that booted without network time.</summary>
    public bool IsSynchronized { get; set; } = true;
}
