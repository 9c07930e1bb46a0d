using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Update;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.DeviceClient;

/// <summary>The normal life of an update: poll, stage, trial boot, confirm; and a trial that never confirms.</summary>
public sealed class UpdateFlowTests : IDisposable
{
    private readonly TestSite _site = new();
    private readonly TestDevice _device;
    private readonly byte[] _factoryImage = TestSite.Image(3 * 4096 + 100, 1);

    public UpdateFlowTests()
    {
        _device = new TestDevice(_site);
        _device.Provision(_factoryImage);
    }

    public void Dispose()
    {
        _device.Dispose();
        _site.Dispose();
    }

    [Fact]
    public void Provisioned_device_boots_the_factory_image_from_slot_A()
    {
        BootDecision decision = _device.Boot();

        Assert.Equal(BootOutcome.RunConfirmed, decision.Outcome);
        Assert.Equal(SlotId.A, decision.Slot);
        Assert.Equal(_factoryImage.Length, decision.ImageLength);
        Assert.Equal(_factoryImage, _device.SlotBytes(SlotId.A));
    }

    [Fact]
    public void Full_update_stages_the_image_boots_it_on_trial_and_confirm_makes_it_active()
    {
        byte[] image = TestSite.Image(5 * 4096 + 333, 2);
        PublishedRelease release = _site.Publish(image, "1.1.0", securityVersion: 2);
        _device.Boot();

        UpdateReport report = _device.Poll();

        Assert.True(report.Result == UpdateResult.TrialScheduled, report.ToString());
        Assert.Equal(6, report.RecordsDownloaded);
        Assert.Equal(1, _device.Rebooter.Reboots);
        Assert.Equal(image, _device.SlotBytes(SlotId.B));
        BootState staged = _device.State();
        Assert.Equal(UpdatePhase.TrialPending, staged.Phase);
        Assert.Equal(SlotId.B, staged.TrialSlot);
        Assert.Equal(release.Sequence, staged.HighestSequence);
        Assert.Equal(1, staged.InstalledSecurityVersion);

        BootDecision trial = _device.Boot();
        Assert.Equal(BootOutcome.RunTrial, trial.Outcome);
        Assert.Equal(SlotId.B, trial.Slot);
        Assert.Equal(1, _device.State().BootAttempts);

        Assert.Equal(ConfirmOutcome.Confirmed, _device.Confirm());
        BootState confirmed = _device.State();
        Assert.Equal(UpdatePhase.Confirmed, confirmed.Phase);
        Assert.Equal(SlotId.B, confirmed.ActiveSlot);
        Assert.True(confirmed.Confirmed);
        Assert.Equal(2, confirmed.InstalledSecurityVersion);
        Assert.Equal(SlotId.None, confirmed.ResumeSlot);

        BootDecision next = _device.Boot();
        Assert.Equal(BootOutcome.RunConfirmed, next.Outcome);
        Assert.Equal(SlotId.B, next.Slot);
        Assert.Equal(UpdateResult.UpToDate, _device.Poll().Result);
    }

    [Fact]
    public void Second_update_goes_to_the_slot_that_is_now_inactive()
    {
        _site.Publish(TestSite.Image(9000, 3), "1.1.0", 1, issued: TestSite.Now - 200);
        Assert.Equal(UpdateResult.TrialScheduled, _device.Poll().Result);
        _device.Boot();
        _device.Confirm();
        byte[] third = TestSite.Image(7000, 4);
        _site.Publish(third, "1.2.0", 1, issued: TestSite.Now - 100);

        Assert.Equal(UpdateResult.TrialScheduled, _device.Poll().Result);

        Assert.Equal(third, _device.SlotBytes(SlotId.A));
        Assert.Equal(BootOutcome.RunTrial, _device.Boot().Outcome);
        Assert.Equal(ConfirmOutcome.Confirmed, _device.Confirm());
        Assert.Equal(SlotId.A, _device.State().ActiveSlot);
    }

    [Fact]
    public void Never_confirming_app_is_reverted_after_N_boots_and_the_release_is_not_retried()
    {
        _site.Publish(TestSite.Image(5000, 5), "1.1.0", 2);
        Assert.Equal(UpdateResult.TrialScheduled, _device.Poll().Result);

        for (int boot = 1; boot <= _device.MaxTrialBoots; boot++)
        {
            BootDecision trial = _device.Boot();
            Assert.Equal(BootOutcome.RunTrial, trial.Outcome);
            // The attempt is written before the app runs, so a crash right here still counts.
            Assert.Equal(boot, _device.State().BootAttempts);
        }
        BootDecision reverted = _device.Boot();

        Assert.Equal(BootOutcome.RunReverted, reverted.Outcome);
        Assert.Equal(SlotId.A, reverted.Slot);
        Assert.Contains("did not confirm within 3 boots", reverted.Problem);
        BootState state = _device.State();
        Assert.Equal(UpdatePhase.Reverted, state.Phase);
        Assert.Equal(SlotId.A, state.ActiveSlot);
        Assert.Equal(1, state.InstalledSecurityVersion);
        Assert.False(state.Image(SlotId.B).IsPresent);
        Assert.Equal(ConfirmOutcome.NothingToConfirm, _device.Confirm());
        Assert.Equal(BootOutcome.RunConfirmed, _device.Boot().Outcome);
        // Its sequence is accepted, so the same manifest is "nothing new": the bad release is not tried again.
        Assert.Equal(UpdateResult.UpToDate, _device.Poll().Result);
    }

    [Fact]
    public void Poll_during_a_trial_fetches_nothing()
    {
        _site.Publish(TestSite.Image(5000, 6), "1.1.0", 1);
        _device.Poll();
        _device.Boot();
        int before = _device.Transport.Requests.Count;

        UpdateReport report = _device.Poll();

        Assert.Equal(UpdateResult.AwaitingConfirmation, report.Result);
        Assert.Equal(before, _device.Transport.Requests.Count);
    }

    [Fact]
    public void Not_modified_channel_costs_one_request()
    {
        _site.Publish(TestSite.Image(5000, 7), "1.1.0", 1);
        _device.Poll();
        _device.Boot();
        _device.Confirm();
        UpdateClient client = _device.NewClient();
        Assert.Equal(UpdateResult.UpToDate, client.Poll().Result);
        int before = _device.Transport.Requests.Count;

        UpdateReport report = client.Poll();

        Assert.Equal(UpdateResult.UpToDate, report.Result);
        Assert.Equal(1, report.Requests);
        SiteRequest only = Assert.Single(_device.Transport.Requests.Skip(before));
        Assert.Equal((TestSite.ChannelPath, 304), (only.Path, only.Status));
        Assert.Equal(client.ETag, only.IfNoneMatch);
    }

    [Fact]
    public void Frozen_channel_is_reported_once_its_manifest_expires_instead_of_trusting_304()
    {
        PublishedRelease release = _site.Publish(TestSite.Image(5000, 10), "1.1.0", 1, rolloutPercent: 0, expires: TestSite.Now + 3600);
        UpdateClient client = _device.NewClient();
        Assert.Equal(UpdateResult.NotInRollout, client.Poll().Result);
        Assert.Equal(UpdateResult.UpToDate, client.Poll().Result);
        _device.Clock.UtcNowSeconds = TestSite.Now + 3600;

        UpdateReport report = client.Poll();

        Assert.Equal(UpdateResult.Rejected, report.Result);
        Assert.Equal(("C8", SecureOta.Device.Core.Trust.VerificationError.Expired), (report.Failure!.Step, report.Failure.Verification!.Error));
        SiteRequest channel = _device.Transport.Requests.Last(r => r.Path == TestSite.ChannelPath);
        Assert.Equal((null, 200), (channel.IfNoneMatch, channel.Status));
        Assert.Equal(release.Sequence, _device.State().HighestSequence);
    }

    [Fact]
    public void Device_outside_the_rollout_stores_the_sequence_and_downloads_nothing()
    {
        PublishedRelease release = _site.Publish(TestSite.Image(5000, 8), "1.1.0", 1, rolloutPercent: 0);

        UpdateReport report = _device.Poll();

        Assert.Equal(UpdateResult.NotInRollout, report.Result);
        Assert.DoesNotContain(_device.Transport.Requests, r => r.Path.StartsWith("blobs/") || r.Path.StartsWith("keys/"));
        Assert.Equal(release.Sequence, _device.State().HighestSequence);
        Assert.Equal(0, _device.Slots.Length(SlotId.B));
    }

    [Theory]
    [InlineData(1, 19)]
    [InlineData(4, 4)]
    [InlineData(16, 1)]
    public void Resume_point_is_written_at_most_every_N_records_to_bound_flash_wear(int everyRecords, int expectedSaves)
    {
        _site.Publish(TestSite.Image(20 * 4096, 11), "1.1.0", 1);
        var counting = new CountingFileStore(_device.Flash);
        _device.Files = counting;
        _device.SaveEveryRecords = everyRecords;

        Assert.Equal(UpdateResult.TrialScheduled, _device.Poll().Result);

        // One write accepts the manifest, one stages the slot; the rest are resume points (none after the last record).
        Assert.Equal(2 + expectedSaves, counting.WritesOf(BootStateStore.Copy0Name, BootStateStore.Copy1Name));
        Assert.Equal(1, counting.WritesOf(FileSlotStore.SlotBName));
    }

    [Fact]
    public void Progress_reports_every_phase_and_record()
    {
        _site.Publish(TestSite.Image(3 * 4096, 9), "1.1.0", 1);
        var seen = new List<(UpdatePhase Phase, int Done, int Count)>();

        _device.NewClient((phase, done, count) => seen.Add((phase, done, count))).Poll();

        Assert.Equal([UpdatePhase.ManifestFetched, UpdatePhase.Verified, UpdatePhase.Downloading], seen.Take(3).Select(s => s.Phase));
        Assert.Equal([1, 2, 3], seen.Where(s => s.Done > 0).Select(s => s.Done));
        Assert.Equal([UpdatePhase.Staged, UpdatePhase.TrialPending], seen.TakeLast(2).Select(s => s.Phase));
    }
}
