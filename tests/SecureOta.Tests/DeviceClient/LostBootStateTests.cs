using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Trust;
using SecureOta.Device.Core.Update;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.DeviceClient;

/// <summary>
/// Issue 11: both boot-state copies damaged. The device falls back to its factory state, but keeps the
/// newest root it verified (its root.&lt;N&gt;.json survives), so a mirror that withholds roots/ cannot put
/// it back under root 1's revoked release key. The floors are not recovered (docs/SECURITY.md limits).
/// </summary>
public sealed class LostBootStateTests : IDisposable
{
    private readonly TestSite _site = new();
    private readonly TestDevice _device;
    private readonly byte[] _factoryImage = TestSite.Image(5000, 31);

    public LostBootStateTests()
    {
        _device = new TestDevice(_site);
        _device.Provision(_factoryImage);
        _device.Boot();
    }

    public void Dispose()
    {
        _device.Dispose();
        _site.Dispose();
    }

    [Fact]
    public void Lost_boot_state_keeps_the_newest_trusted_root_so_a_revoked_release_key_stays_refused()
    {
        var revoked = _site.ReleaseKeys;
        _site.RotateRoot();
        _site.Publish(_factoryImage, "1.0.0", 1);
        Assert.Equal(UpdateResult.UpToDate, _device.Poll().Result);
        Assert.Equal(2, _device.State().TrustedRootVersion);
        DamageBothStateCopies();
        _site.Files.Remove("roots/2.json");
        _site.Publish(TestSite.Image(6000, 32), "6.6.6", 1, signers: revoked, issued: TestSite.Now - 30);

        UpdateReport report = _device.Poll();

        Assert.Equal(UpdateResult.Rejected, report.Result);
        Assert.Equal((VerificationError.SignatureThreshold, "C4"), (report.Failure!.Verification!.Error, report.Failure.Step));
        Assert.Equal(2, _device.State().TrustedRootVersion);
        DeviceAssert.RunsFactoryImage(_device, _factoryImage, rootVersion: 2);
    }

    [Fact]
    public void Fresh_device_in_its_factory_state_still_trusts_root_1()
    {
        _site.Publish(_factoryImage, "1.0.0", 1);

        UpdateReport report = _device.Poll();

        Assert.Equal(UpdateResult.UpToDate, report.Result);
        Assert.Equal(1, _device.State().TrustedRootVersion);
    }

    private void DamageBothStateCopies()
    {
        foreach (string name in new[] { BootStateStore.Copy0Name, BootStateStore.Copy1Name })
        {
            if (!_device.Flash.Exists(name))
            {
                _device.Flash.Write(name, new byte[10]);
                continue;
            }
            byte[] bytes = _device.Flash.Read(name);
            bytes[20] ^= 0x01;
            _device.Flash.Write(name, bytes);
        }
        Assert.Equal(BootStateSource.Factory, new BootStateStore(_device.Files, _device.Hmac).Load(new BootState()));
    }
}
