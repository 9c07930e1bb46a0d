using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Update;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.DeviceClient;

/// <summary>
/// Issue 11: flash that goes bad under a good image. The device trusts a slot's bytes, never its record:
/// a damaged running slot is fetched again on the next poll, and a damaged fallback never costs the trial
/// image its release.
/// </summary>
public sealed class DamagedFlashTests : IDisposable
{
    private readonly TestSite _site = new();
    private readonly TestDevice _device;
    private readonly byte[] _factoryImage = TestSite.Image(5000, 61);

    public DamagedFlashTests()
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
    public void Damaged_running_slot_after_a_confirmed_update_is_repaired_by_the_next_poll_of_the_re_signed_manifest()
    {
        byte[] image = InstallAndConfirm(securityVersion: 2);
        Damage(SlotId.B);
        Assert.Equal(BootOutcome.NoBootableImage, _device.Boot().Outcome);
        _site.Publish(image, "1.1.0", 2, issued: TestSite.Now - 30);

        UpdateReport repair = _device.Poll();

        Assert.True(repair.Result == UpdateResult.TrialScheduled, repair.ToString());
        AssertRunsVerified(SlotId.A, image);
    }

    [Fact]
    public void Damaged_running_slot_is_repaired_by_the_next_poll_of_the_same_manifest()
    {
        byte[] image = InstallAndConfirm(securityVersion: 2);
        Damage(SlotId.B);
        Assert.Equal(BootOutcome.NoBootableImage, _device.Boot().Outcome);

        UpdateReport repair = _device.Poll();

        Assert.True(repair.Result == UpdateResult.TrialScheduled, repair.ToString());
        AssertRunsVerified(SlotId.A, image);
    }

    [Fact]
    public void Damaged_fallback_slot_while_the_next_release_is_on_trial_keeps_the_release_and_does_not_reject_it()
    {
        byte[] image = TestSite.Image(6000, 62);
        _site.Publish(image, "1.1.0", 1);
        Assert.Equal(UpdateResult.TrialScheduled, _device.Poll().Result);
        Damage(SlotId.A);

        BootDecision[] boots = Enumerable.Range(0, _device.MaxTrialBoots + 1).Select(_ => _device.Boot()).ToArray();
        _site.Publish(image, "1.1.0", 1, issued: TestSite.Now - 30);
        UpdateReport poll = _device.Poll();

        Assert.All(boots[..^1], b => Assert.Equal(BootOutcome.RunTrial, b.Outcome));
        Assert.Equal((BootOutcome.RunReverted, SlotId.B), (boots[^1].Outcome, boots[^1].Slot));
        Assert.Contains("not marked rejected", boots[^1].Problem, StringComparison.Ordinal);
        Assert.False(_device.State().HasRejectedImage);
        Assert.Equal(UpdateResult.UpToDate, poll.Result);
        Assert.Equal(image, _device.SlotBytes(SlotId.B));
    }

    private byte[] InstallAndConfirm(long securityVersion)
    {
        byte[] image = TestSite.Image(6000, 63);
        _site.Publish(image, "1.1.0", securityVersion, issued: TestSite.Now - 60);
        Assert.Equal(UpdateResult.TrialScheduled, _device.Poll().Result);
        Assert.Equal(BootOutcome.RunTrial, _device.Boot().Outcome);
        Assert.Equal(ConfirmOutcome.Confirmed, _device.Confirm());
        return image;
    }

    /// <summary>Flips one bit in the middle of a slot, as a worn flash page would.</summary>
    private void Damage(SlotId slot)
    {
        string name = slot == SlotId.A ? FileSlotStore.SlotAName : FileSlotStore.SlotBName;
        byte[] bytes = _device.Flash.Read(name);
        bytes[bytes.Length / 2] ^= 0x10;
        _device.Flash.Write(name, bytes);
    }

    /// <summary>The repaired slot boots as a trial, confirms, and from then on boots as the verified, confirmed image.</summary>
    private void AssertRunsVerified(SlotId slot, byte[] image)
    {
        BootDecision trial = _device.Boot();
        Assert.Equal((BootOutcome.RunTrial, slot), (trial.Outcome, trial.Slot));
        Assert.Equal(ConfirmOutcome.Confirmed, _device.Confirm());
        BootDecision boot = _device.Boot();
        Assert.Equal((BootOutcome.RunConfirmed, slot), (boot.Outcome, boot.Slot));
        Assert.Equal(image, _device.SlotBytes(slot));
    }
}
