using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Trust;
using SecureOta.Device.Core.Update;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.DeviceClient;

/// <summary>
/// Issue 11: TUF's freeze attack against a device whose clock SNTP never set (it reads 1970). The device
/// knows the newest issued time it accepted and its monotonic uptime: once it has run for longer than the
/// manifest's lifetime without a newer issued time, the channel is frozen.
/// </summary>
public sealed class UnsynchronizedClockTests : IDisposable
{
    private const long Lifetime = 7 * 86400;
    private readonly TestSite _site = new();
    private readonly TestDevice _device;

    public UnsynchronizedClockTests()
    {
        _device = new TestDevice(_site);
        _device.Provision(TestSite.Image(5000, 51));
        _device.Boot();
        _device.Clock.UtcNowSeconds = 0;
        _device.Clock.IsSynchronized = false;
        _site.Publish(_device.SlotBytes(SlotId.A), "1.0.0", 1, issued: TestSite.Now - 60, expires: TestSite.Now - 60 + Lifetime);
    }

    public void Dispose()
    {
        _device.Dispose();
        _site.Dispose();
    }

    [Fact]
    public void Freeze_attack_with_the_clock_at_zero_is_noticed_after_a_manifest_lifetime_of_uptime()
    {
        UpdateClient client = _device.NewClient();
        Assert.Equal(UpdateResult.UpToDate, client.Poll().Result);

        _device.Clock.MonotonicMilliseconds += (Lifetime + 3600) * 1000;
        UpdateReport frozen = client.Poll();

        Assert.Equal(UpdateResult.Rejected, frozen.Result);
        Assert.Equal((VerificationError.Expired, "C8"), (frozen.Failure!.Verification!.Error, frozen.Failure.Step));
        Assert.Contains("frozen", frozen.Failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, _device.Clock.UtcNowSeconds);
    }

    [Fact]
    public void Freeze_attack_clock_at_zero_within_the_manifest_lifetime_of_uptime_is_still_up_to_date()
    {
        UpdateClient client = _device.NewClient();
        Assert.Equal(UpdateResult.UpToDate, client.Poll().Result);

        _device.Clock.MonotonicMilliseconds += (Lifetime - 3600) * 1000;

        Assert.Equal(UpdateResult.UpToDate, client.Poll().Result);
    }

    [Fact]
    public void Freeze_attack_clock_at_zero_a_newer_issued_time_restarts_the_uptime_count()
    {
        UpdateClient client = _device.NewClient();
        Assert.Equal(UpdateResult.UpToDate, client.Poll().Result);
        _device.Clock.MonotonicMilliseconds += (Lifetime - 3600) * 1000;
        long issued = TestSite.Now - 60 + Lifetime - 3600;
        _site.Publish(_device.SlotBytes(SlotId.A), "1.0.0", 1, issued: issued, expires: issued + Lifetime);
        Assert.Equal(UpdateResult.UpToDate, client.Poll().Result);

        _device.Clock.MonotonicMilliseconds += 2 * 3600 * 1000;

        Assert.Equal(UpdateResult.UpToDate, client.Poll().Result);
    }
}
