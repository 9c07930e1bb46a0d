using SecureOta.Build.Publishing;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Update;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.DeviceClient;

/// <summary>
/// TUF's attacks that no other test class is named after (the others: ManifestAttackTests, ArtifactAttackTests,
/// KeyCompromiseTests; docs/SECURITY.md maps all ten): a mirror cannot make the device fetch what the
/// manifest does not need, and a mirror that serves a stale manifest delays the device by one poll only.
/// </summary>
public sealed class TufAttackTests : IDisposable
{
    private readonly TestSite _site = new();
    private readonly TestDevice _device;

    public TufAttackTests()
    {
        _device = new TestDevice(_site);
        _device.Provision(TestSite.Image(5000, 81));
        _device.Boot();
    }

    public void Dispose()
    {
        _device.Dispose();
        _site.Dispose();
    }

    [Fact]
    public void Extraneous_dependencies_attack_artifacts_of_kinds_the_device_does_not_know_are_never_fetched()
    {
        var extra = new ArtifactEntry("bootloader", 4128, new byte[32], new byte[32], new byte[16], 4096);
        byte[] image = TestSite.Image(6000, 82);
        _site.Publish(image, "1.1.0", 1, extraArtifacts: [extra]);

        UpdateReport report = _device.Poll();

        Assert.True(report.Result == UpdateResult.TrialScheduled, report.ToString());
        Assert.Equal(image, _device.SlotBytes(SlotId.B));
        Assert.DoesNotContain(_device.Transport.Requests, r => r.Path == "blobs/" + new string('0', 64));
        Assert.Single(_device.Transport.Requests, r => r.Path.StartsWith("blobs/", StringComparison.Ordinal));
    }

    [Fact]
    public void Malicious_mirror_serving_a_stale_manifest_delays_the_update_by_one_poll_only()
    {
        PublishedRelease stale = _site.Publish(TestSite.Image(6000, 83), "1.0.1", 1, issued: TestSite.Now - 900, rolloutPercent: 0);
        Assert.Equal(UpdateResult.NotInRollout, _device.Poll().Result);
        byte[] fixedImage = TestSite.Image(6000, 84);
        PublishedRelease current = _site.Publish(fixedImage, "1.1.0", 1);
        _site.Files[TestSite.ChannelPath] = stale.Manifest;

        UpdateReport mirrored = _device.Poll();
        _site.Files[TestSite.ChannelPath] = current.Manifest;
        UpdateReport honest = _device.Poll();

        Assert.Equal(UpdateResult.UpToDate, mirrored.Result);
        Assert.True(honest.Result == UpdateResult.TrialScheduled, honest.ToString());
        Assert.Equal(fixedImage, _device.SlotBytes(SlotId.B));
    }
}
