using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Update;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.DeviceClient;

/// <summary>The loader's decisions when flash is damaged or fails: never run an unchecked or uncounted image.</summary>
public sealed class BootManagerTests : IDisposable
{
    private readonly TestSite _site = new();
    private readonly TestDevice _device;
    private readonly byte[] _factoryImage = TestSite.Image(6000, 81);
    private readonly byte[] _newImage = TestSite.Image(7000, 82);

    public BootManagerTests()
    {
        _device = new TestDevice(_site);
        _device.Provision(_factoryImage);
        _site.Publish(_newImage, "1.1.0", 2);
    }

    public void Dispose()
    {
        _device.Dispose();
        _site.Dispose();
    }

    private void Damage(string name, int offset)
    {
        byte[] bytes = _device.Flash.Read(name);
        bytes[offset] ^= 0x80;
        _device.Flash.Write(name, bytes);
    }

    [Fact]
    public void Unprovisioned_device_runs_nothing()
    {
        using var blank = new TestDevice(_site);

        BootDecision decision = blank.Boot();

        Assert.Equal((BootOutcome.NotProvisioned, SlotId.None), (decision.Outcome, decision.Slot));
        Assert.False(decision.ShouldRun);
        Assert.Equal(ConfirmOutcome.NotProvisioned, blank.Confirm());
        Assert.Equal(UpdateResult.NotProvisioned, blank.Poll().Result);
    }

    [Fact]
    public void Damaged_trial_image_is_reverted_before_it_runs()
    {
        Assert.Equal(UpdateResult.TrialScheduled, _device.Poll().Result);
        Damage(FileSlotStore.SlotBName, 100);

        BootDecision decision = _device.Boot();

        Assert.Equal((BootOutcome.RunReverted, SlotId.A), (decision.Outcome, decision.Slot));
        Assert.Contains("failed its check", decision.Problem);
        Assert.Equal(UpdatePhase.Reverted, _device.State().Phase);
    }

    [Fact]
    public void Damaged_active_image_falls_back_to_a_checked_image_in_the_other_slot()
    {
        _device.Poll();
        _device.Boot();
        _device.Confirm();
        Damage(FileSlotStore.SlotBName, 5);

        BootDecision decision = _device.Boot();

        // Slot A still holds the factory image, recorded with security version 1 < installed 2: not a fallback.
        Assert.Equal(BootOutcome.NoBootableImage, decision.Outcome);
        Assert.False(decision.ShouldRun);
        Assert.Contains("keep polling", decision.Problem);
    }

    [Fact]
    public void Device_with_no_bootable_image_recovers_through_an_update()
    {
        Damage(FileSlotStore.SlotAName, 5);
        Assert.Equal(BootOutcome.NoBootableImage, _device.Boot().Outcome);

        Assert.Equal(UpdateResult.TrialScheduled, _device.Poll().Result);
        Assert.Equal(BootOutcome.RunTrial, _device.Boot().Outcome);
        Assert.Equal(ConfirmOutcome.Confirmed, _device.Confirm());
        Assert.Equal((BootOutcome.RunConfirmed, SlotId.B), (_device.Boot().Outcome, _device.Boot().Slot));
    }

    [Fact]
    public void Damaged_active_image_with_an_equal_security_version_in_the_other_slot_switches_to_it()
    {
        _site.Publish(_newImage, "1.1.0", 1, issued: TestSite.Now - 30);
        _device.Poll();
        _device.Boot();
        _device.Confirm();
        Damage(FileSlotStore.SlotBName, 5);

        BootDecision decision = _device.Boot();

        Assert.Equal((BootOutcome.RunConfirmed, SlotId.A), (decision.Outcome, decision.Slot));
        Assert.Contains("is now active", decision.Problem);
        Assert.Equal(SlotId.A, _device.State().ActiveSlot);
    }

    [Fact]
    public void Trial_boot_that_cannot_be_counted_runs_the_confirmed_image_instead()
    {
        _device.Poll();
        _device.Files = new FailingWrites(_device.Flash);

        BootDecision decision = _device.Boot();

        Assert.Equal((BootOutcome.RunConfirmed, SlotId.A), (decision.Outcome, decision.Slot));
        Assert.Contains("could not be counted", decision.Problem);
    }

    [Fact]
    public void Confirm_that_cannot_be_written_reports_it()
    {
        _device.Poll();
        _device.Boot();
        _device.Files = new FailingWrites(_device.Flash);

        Assert.Equal(ConfirmOutcome.StorageFailed, _device.Confirm());
    }

    [Fact]
    public void Provisioning_is_write_once_and_checks_its_inputs()
    {
        var provisioner = new DeviceProvisioner(_device.Files, _device.Hmac, _device.Slots);
        Assert.Equal(ProvisionOutcome.AlreadyProvisioned, provisioner.Provision(_site.RootV1, new MemoryStream(_newImage), 1, out _));

        using var blank = new TestDevice(_site);
        var fresh = new DeviceProvisioner(blank.Files, blank.Hmac, blank.Slots);
        byte[] badRoot = (byte[])_site.RootV1.Clone();
        badRoot[^20] ^= 1;
        Assert.Equal(ProvisionOutcome.RootInvalid, fresh.Provision(badRoot, new MemoryStream(_newImage), 1, out string? problem));
        Assert.NotNull(problem);
        Assert.Equal(ProvisionOutcome.ImageInvalid, fresh.Provision(_site.RootV1, new MemoryStream(), 1, out _));
        Assert.Equal(ProvisionOutcome.ImageInvalid, new DeviceProvisioner(blank.Files, blank.Hmac, new FileSlotStore(blank.Files, 4096))
            .Provision(_site.RootV1, new MemoryStream(_newImage), 1, out _));
        Assert.False(blank.Flash.Exists(BootStateStore.FactoryName));
    }

    /// <summary>A flash drive whose writes fail (worn out, full): reads still work.</summary>
    private sealed class FailingWrites(IFileStore inner) : IFileStore
    {
        public bool Exists(string name) => inner.Exists(name);
        public long Length(string name) => inner.Length(name);
        public Stream OpenRead(string name) => inner.OpenRead(name);
        public Stream OpenWrite(string name, bool append) => throw new IOException("flash write failed");
        public void Delete(string name) => throw new IOException("flash write failed");
    }
}
