using SecureOta.Build.Keys;
using SecureOta.Build.Site;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Core.Update;
using SecureOta.Device.Host;
using SecureOta.Tests.Build.Support;
using SecureOta.Tests.DeviceClient.Support;
using SecureOta.Tests.Pipeline;

namespace SecureOta.Tests.DeviceClient;

/// <summary>
/// The real release pipeline (a DEMO build of the repository's releases/) writes a site into a temp
/// folder; a device provisioned with the DEMO root and device key updates from it end to end.
/// </summary>
public sealed class PipelineSiteTests : IDisposable
{
    private const long NowSeconds = 1767225600;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static Dictionary<string, byte[]> LoadOtaFiles(string siteDir)
    {
        string ota = Path.Combine(siteDir, SiteLayout.OtaBase);
        return Directory.EnumerateFiles(ota, "*", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(ota, path).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);
    }

    [Theory]
    [InlineData("stable")]
    [InlineData("beta")]
    public void Device_updates_from_the_site_the_release_pipeline_writes(string channel)
    {
        string siteDir = _temp.Combine("site");
        string demoKeys = _temp.Combine("demo-keys");
        PipelineRun.Execute(["--target=Default", $"--site-dir={siteDir}", $"--demo-keys-dir={demoKeys}", $"--now={NowSeconds}"]).AssertSucceeded();
        var demo = new DemoKeyStore(demoKeys);
        var device = new RecipientKey(KeyFile.Read(Path.Combine(demoKeys, DemoKeyStore.DeviceKeyFile), "DEMO device key"));
        var transport = new SiteTransport(LoadOtaFiles(siteDir));
        var flash = new MemoryFileStore();
        var hmac = new DotNetHmacSha256();
        using var aes = new DotNetAes128();
        var slots = new FileSlotStore(flash, TestDevice.SlotCapacity);
        Assert.Equal(ProvisionOutcome.Provisioned,
            new DeviceProvisioner(flash, hmac, slots).Provision(demo.ReadRootEnvelope(), new MemoryStream(TestSite.Image(4096, 91)), 0, out _));
        var rebooter = new RecordingRebooter();
        var platform = new DevicePlatform(transport, flash, slots, hmac, aes, new TestClock { UtcNowSeconds = NowSeconds + 60 }, rebooter);

        UpdateReport report = new UpdateClient(platform, new UpdateClientOptions(channel, [device])).Poll();

        Assert.True(report.Result == UpdateResult.TrialScheduled, report.ToString());
        // The provisioned image is no release, so no patch applies to it: the full image came.
        Assert.Equal("full", report.InstalledKind);
        byte[] released = File.ReadAllBytes(SecureOta.Tests.Support.TestReleases.ImagePath(report.ReleaseVersion!));
        var boot = new BootManager(flash, hmac, slots, 3);
        BootDecision trial = boot.Boot();
        Assert.Equal((BootOutcome.RunTrial, SlotId.B), (trial.Outcome, trial.Slot));
        using (Stream slot = slots.OpenRead(SlotId.B))
        using (var copy = new MemoryStream())
        {
            slot.CopyTo(copy);
            Assert.Equal(released, copy.ToArray());
        }
        Assert.Equal(ConfirmOutcome.Confirmed, boot.Confirm());
        Assert.Equal(UpdateResult.UpToDate, new UpdateClient(platform, new UpdateClientOptions(channel, [device])).Poll().Result);
    }
}
