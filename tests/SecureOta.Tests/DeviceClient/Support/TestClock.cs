using SecureOta.Device.Core.Platform;

namespace SecureOta.Tests.DeviceClient.Support;

/// <summary>A clock the test sets; starts at <see cref="TestSite.Now"/>.</summary>
public sealed class TestClock : IClock
{
    public long UtcNowSeconds { get; set; } = TestSite.Now;
}
