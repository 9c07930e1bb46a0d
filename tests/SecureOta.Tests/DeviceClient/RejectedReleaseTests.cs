using SecureOta.Build.Publishing;
using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Update;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.DeviceClient;

/// <summary>
/// A release whose image never confirms is reverted and remembered by its image digest: the daily
/// re-signed manifest (new sequence, same release) must not make the device download it and trial-boot
/// it again, while a different release still installs normally.
/// </summary>
public sealed class RejectedReleaseTests : IDisposable
{
    private readonly TestSite _site = new();
    private readonly TestDevice _device;
    private readonly byte[] _factoryImage = TestSite.Image(3 * 4096 + 100, 61);
    private readonly byte[] _badImage = TestSite.Image(4 * 4096 + 5, 62);

    public RejectedReleaseTests()
    {
        _device = new TestDevice(_site);
        _device.Provision(_factoryImage);
    }

    public void Dispose()
    {
        _device.Dispose();
        _site.Dispose();
    }

    private static byte[] DigestOf(byte[] image) => new ChainedArtifactWriter().ComputeImageDigests(image).ImageDigest;

    /// <summary>Publishes the bad release, installs it and lets every trial boot pass without a confirmation.</summary>
    private void InstallAndRevertBadRelease()
    {
        _site.Publish(_badImage, "1.1.0", 2, issued: TestSite.Now - 300);
        Assert.Equal(UpdateResult.TrialScheduled, _device.Poll().Result);
        for (int boot = 1; boot <= _device.MaxTrialBoots; boot++) Assert.Equal(BootOutcome.RunTrial, _device.Boot().Outcome);
        Assert.Equal(BootOutcome.RunReverted, _device.Boot().Outcome);
    }

    private bool FetchedArtifactsSince(int requestIndex) =>
        _device.Transport.Requests.Skip(requestIndex).Any(r => r.Path.StartsWith("blobs/") || r.Path.StartsWith("keys/"));

    [Fact]
    public void Revert_after_the_trial_boots_run_out_records_the_image_digest()
    {
        InstallAndRevertBadRelease();

        BootState state = _device.State();
        Assert.Equal(UpdatePhase.Reverted, state.Phase);
        Assert.Equal(DigestOf(_badImage), state.RejectedImageDigest);
        Assert.True(state.IsRejected(DigestOf(_badImage)));
        Assert.False(state.IsRejected(DigestOf(_factoryImage)));
    }

    [Fact]
    public void Re_signed_manifest_of_the_reverted_release_is_not_downloaded_again()
    {
        InstallAndRevertBadRelease();
        PublishedRelease resigned = _site.Publish(_badImage, "1.1.0", 2, issued: TestSite.Now - 60);
        int before = _device.Transport.Requests.Count;
        UpdateClient client = _device.NewClient();

        UpdateReport report = client.Poll();

        Assert.Equal(UpdateResult.ReleaseRejected, report.Result);
        Assert.Equal("TRIAL", report.Failure!.Step);
        Assert.Contains("release 1.1.0 failed its trial boot on this device and was reverted", report.Failure.Message);
        Assert.Contains("Publish a fixed release", report.Failure.Message);
        Assert.False(FetchedArtifactsSince(before), "the rejected release's key or blob was requested");
        Assert.Equal(0, report.RecordsDownloaded);
        Assert.Equal(1, _device.Rebooter.Reboots); // only the first install rebooted
        BootState state = _device.State();
        Assert.Equal((resigned.Sequence, UpdatePhase.Idle, SlotId.A), (state.HighestSequence, state.Phase, state.ActiveSlot));
        Assert.False(state.Image(SlotId.B).IsPresent);
        Assert.Equal(BootOutcome.RunConfirmed, _device.Boot().Outcome);
        // Settled like any dropped release: the next poll costs one 304.
        Assert.Equal(UpdateResult.UpToDate, client.Poll().Result);
        Assert.Equal(304, _device.Transport.Requests.Last().Status);
    }

    [Fact]
    public void Different_release_after_a_rejected_one_installs_and_confirms_and_the_rejection_stays()
    {
        InstallAndRevertBadRelease();
        Assert.Equal(UpdateResult.ReleaseRejected, Publish(_badImage, "1.1.0", TestSite.Now - 200).Result);
        byte[] fixedImage = TestSite.Image(4 * 4096 + 9, 63);

        UpdateReport report = Publish(fixedImage, "1.1.1", TestSite.Now - 100);

        Assert.Equal(UpdateResult.TrialScheduled, report.Result);
        Assert.Equal(fixedImage, _device.SlotBytes(SlotId.B));
        Assert.Equal(BootOutcome.RunTrial, _device.Boot().Outcome);
        Assert.Equal(ConfirmOutcome.Confirmed, _device.Confirm());
        BootState confirmed = _device.State();
        Assert.Equal((SlotId.B, 2L), (confirmed.ActiveSlot, confirmed.InstalledSecurityVersion));
        Assert.True(confirmed.IsRejected(DigestOf(_badImage)));
        // Channel rolled back to the image that failed here: still refused, the running image stays.
        int before = _device.Transport.Requests.Count;
        Assert.Equal(UpdateResult.ReleaseRejected, Publish(_badImage, "1.1.0", TestSite.Now - 50).Result);
        Assert.False(FetchedArtifactsSince(before));
        Assert.Equal(BootOutcome.RunConfirmed, _device.Boot().Outcome);
    }

    [Fact]
    public void Pending_download_is_dropped_when_the_channel_goes_back_to_the_rejected_release()
    {
        InstallAndRevertBadRelease();
        _device.MaxResumes = 0;
        PublishedRelease other = _site.Publish(TestSite.Image(6 * 4096, 64), "1.2.0", 2, issued: TestSite.Now - 200);
        _device.Transport.SetFault(other.BlobPath, new SiteFault { DropAfterBytes = 3 * ArtifactLayout.RecordSize + 10 });
        Assert.Equal(UpdateResult.TransportFailed, _device.Poll().Result);
        Assert.True(_device.State().IsDownloadPending);

        Assert.Equal(UpdateResult.ReleaseRejected, Publish(_badImage, "1.1.0", TestSite.Now - 100).Result);

        BootState state = _device.State();
        Assert.Equal((UpdatePhase.Idle, SlotId.None), (state.Phase, state.ResumeSlot));
    }

    [Fact]
    public void Damaged_trial_image_is_reverted_without_rejecting_its_release()
    {
        _site.Publish(_badImage, "1.1.0", 2, issued: TestSite.Now - 300);
        Assert.Equal(UpdateResult.TrialScheduled, _device.Poll().Result);
        byte[] slot = _device.Flash.Read(FileSlotStore.SlotBName);
        slot[100] ^= 0x80;
        _device.Flash.Write(FileSlotStore.SlotBName, slot);

        Assert.Equal(BootOutcome.RunReverted, _device.Boot().Outcome);

        // The image never ran: the flash was at fault, not the release, so the next re-sign installs a fresh copy.
        Assert.False(_device.State().HasRejectedImage);
        Assert.Equal(UpdateResult.TrialScheduled, Publish(_badImage, "1.1.0", TestSite.Now - 60).Result);
        Assert.Equal(_badImage, _device.SlotBytes(SlotId.B));
    }

    private UpdateReport Publish(byte[] image, string version, long issued)
    {
        _site.Publish(image, version, 2, issued: issued);
        return _device.Poll();
    }
}
