using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Update;
using SecureOta.Device.Host.Storage;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.DeviceClient;

/// <summary>
/// The cached root through the update client: written whenever a root is loaded from its envelope (the first
/// poll after provisioning, the first boot after a rotation), dropped with its superseded envelope, and never
/// needed for a device to boot and carry on.
/// </summary>
public sealed class TrustedRootCachePowerCutTests : IDisposable
{
    private readonly TestSite _site = new();
    private readonly TestDevice _device;

    public TrustedRootCachePowerCutTests()
    {
        _device = new TestDevice(_site);
        _device.Provision(TestSite.Image(5000, 61));
    }

    public void Dispose()
    {
        _device.Dispose();
        _site.Dispose();
    }

    private TrustedRootStore DeviceStore() => TrustedRootStore.ForDevice(_device.Flash, _device.Hmac, _site.Device);

    [Fact]
    public void First_poll_caches_the_provisioned_root_and_the_boot_after_a_rotation_caches_the_new_one()
    {
        _site.Publish(TestSite.Image(5000, 61), "1.0.0", 1);
        Assert.False(_device.Flash.Exists(TrustedRootStore.CacheFileName(1)), "provisioning has no device key to tag a form with");

        Assert.Equal(UpdateResult.UpToDate, _device.Poll().Result);
        Assert.True(_device.Flash.Exists(TrustedRootStore.CacheFileName(1)));

        _site.RotateRoot();
        _site.RotateRoot();
        _site.Publish(TestSite.Image(5000, 61), "1.0.0", 1);
        Assert.Equal(UpdateResult.UpToDate, _device.Poll().Result);

        Assert.Equal(3, _device.State().TrustedRootVersion);
        Assert.False(_device.Flash.Exists(TrustedRootStore.CacheFileName(3)), "the rotating poll writes no form: its heap holds the documents it verified");
        Assert.False(_device.Flash.Exists(TrustedRootStore.CacheFileName(2)), "the superseded root's form goes with its envelope");
        Assert.Equal(UpdateResult.UpToDate, _device.NewClient().Poll().Result);
        Assert.True(_device.Flash.Exists(TrustedRootStore.CacheFileName(3)), "the next boot verifies root 3 once and caches it");
        TrustedRootStore store = DeviceStore();
        Assert.True(store.TryLoad(3, out _, out string problem), problem);
        Assert.Equal(TrustedRootSource.CachedForm, store.LastSource);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Power_cut_while_the_boot_after_a_rotation_writes_the_cached_form_leaves_a_bootable_device(bool torn)
    {
        Assert.Equal(UpdateResult.UpToDate, Publish(1).Result);
        _site.RotateRoot();
        byte[] image = TestSite.Image(6000, 62);
        _site.Publish(image, "2.0.0", 2);
        Assert.Equal(UpdateResult.TrialScheduled, _device.Poll().Result);
        Assert.Equal(2, _device.State().TrustedRootVersion);
        Assert.Equal(BootOutcome.RunTrial, _device.Boot().Outcome);
        _device.Confirm();
        var power = new CutAtFileFileStore(_device.Flash, TrustedRootStore.CacheFileName(2), torn);
        _device.Files = power;

        Assert.Throws<PowerCutException>(() => _device.NewClient().Poll());

        Assert.True(power.HasCut);
        _device.Files = _device.Flash;
        Assert.True(_device.Flash.Exists(TrustedRootStore.FileName(2)), "the envelope stays the authority");
        Assert.Equal(BootOutcome.RunConfirmed, _device.Boot().Outcome);
        Assert.Equal(UpdateResult.UpToDate, _device.Poll().Result);
        TrustedRootStore store = DeviceStore();
        Assert.True(store.TryLoad(2, out _, out string problem), problem);
        Assert.Equal(TrustedRootSource.CachedForm, store.LastSource);
        Assert.Equal(image, _device.SlotBytes(SlotId.B));
    }

    [Fact]
    public void Torn_cached_form_of_the_running_root_is_rebuilt_at_the_next_boot()
    {
        var power = new CutAtFileFileStore(_device.Flash, TrustedRootStore.CacheFileName(1), torn: true);
        _device.Files = power;
        _site.Publish(TestSite.Image(5000, 61), "1.0.0", 1);

        Assert.Throws<PowerCutException>(() => _device.NewClient().Poll());

        _device.Files = _device.Flash;
        Assert.Equal(BootOutcome.RunConfirmed, _device.Boot().Outcome);
        Assert.Equal(UpdateResult.UpToDate, _device.Poll().Result);
        TrustedRootStore store = DeviceStore();
        Assert.True(store.TryLoad(1, out _, out string problem), problem);
        Assert.Equal(TrustedRootSource.CachedForm, store.LastSource);
    }

    private UpdateReport Publish(long securityVersion)
    {
        _site.Publish(TestSite.Image(5000, 61), "1.0.0", securityVersion);
        return _device.Poll();
    }
}
