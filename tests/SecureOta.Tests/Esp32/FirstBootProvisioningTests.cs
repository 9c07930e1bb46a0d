using System.Text;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Host;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.Esp32;

/// <summary>
/// The loader's first boot (device/Esp32/Loader/Portable/FirstBootProvisioning.cs) over the real core
/// and an in-memory drive holding what nanoff's file deployment would put on I:. A device provisions
/// only from a verifying root version 1 and an image the loader can start; otherwise it stays
/// unprovisioned and keeps the files, so a corrected deployment simply provisions on the next boot.
/// </summary>
public sealed class FirstBootProvisioningTests : IDisposable
{
    private const string Provisioning = "SecureOta.Device.Esp32.Loader.Portable.FirstBootProvisioning";
    private const string RootFile = "provision.root.json";
    private const string AppFile = "provision.app.bin";

    private readonly TestSite _site = new();
    private readonly MemoryFileStore _drive = new();
    private readonly DotNetHmacSha256 _hmac = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public void Provisions_slot_A_from_the_deployed_files_and_frees_the_drive()
    {
        byte[] bundle = AppBundle();
        _drive.Write(RootFile, _site.RootV1);
        _drive.Write(AppFile, bundle);

        Assert.True(Run(securityVersion: 4));

        Assert.False(_drive.Exists(RootFile));
        Assert.False(_drive.Exists(AppFile));
        BootDecision decision = new BootManager(_drive, _hmac, Slots, 3).Boot();
        Assert.Equal(BootOutcome.RunConfirmed, decision.Outcome);
        Assert.Equal(SlotId.A, decision.Slot);
        Assert.Equal(bundle, _drive.Read(FileSlotStore.SlotAName));
        var state = new BootState();
        new BootStateStore(_drive, _hmac).Load(state);
        Assert.Equal(4, state.InstalledSecurityVersion);
    }

    [Fact]
    public void Refuses_an_image_the_loader_could_not_start()
    {
        _drive.Write(RootFile, _site.RootV1);
        _drive.Write(AppFile, Encoding.ASCII.GetBytes("this is a firmware binary, not an app bundle"));

        Assert.False(Run(securityVersion: 1));

        AssertUnprovisionedWithFilesKept();
    }

    [Fact]
    public void Refuses_a_root_that_does_not_verify()
    {
        byte[] root = (byte[])_site.RootV1.Clone();
        root[root.Length / 2] ^= 0x01;
        _drive.Write(RootFile, root);
        _drive.Write(AppFile, AppBundle());

        Assert.False(Run(securityVersion: 1));

        AssertUnprovisionedWithFilesKept();
    }

    [Fact]
    public void Waits_for_the_files_when_they_were_not_deployed()
    {
        Assert.False(Run(securityVersion: 1));

        Assert.Equal(BootOutcome.NotProvisioned, new BootManager(_drive, _hmac, Slots, 3).Boot().Outcome);
    }

    private ISlotStore Slots => new FileSlotStore(_drive, 1024 * 1024);

    private void AssertUnprovisionedWithFilesKept()
    {
        Assert.False(_drive.Exists("state.factory"));
        Assert.Equal(BootOutcome.NotProvisioned, new BootManager(_drive, _hmac, Slots, 3).Boot().Outcome);
        Assert.True(_drive.Exists(RootFile));
        Assert.True(_drive.Exists(AppFile));
    }

    private bool Run(long securityVersion)
    {
        byte[] json = Encoding.UTF8.GetBytes("{\"siteUrl\": \"https://owner.github.io/repo/ota/v2/\", \"channel\": \"stable\", " +
            "\"securityVersion\": " + securityVersion + "}");
        object?[] parse = [json, json.Length, null];
        object settings = PortableCode.Call("SecureOta.Device.Esp32.Loader.Portable.LoaderSettings", "Parse", parse)!;
        return (bool)PortableCode.Call(Provisioning, "Run", _drive, _hmac, Slots, settings)!;
    }

    private static byte[] AppBundle() =>
        (byte[])PortableCode.CallPacker("Write", "SecureOta.Device.Esp32.SampleApp.App", new[] { TestSite.Image(3000, 7) })!;
}
