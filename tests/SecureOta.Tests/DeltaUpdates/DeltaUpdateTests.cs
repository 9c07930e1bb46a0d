using SecureOta.Build.Delta;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Update;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.DeltaUpdates;

/// <summary>
/// The update client with delta patches (PROTOCOL.md section 11a): a device whose running image is a
/// patch's base builds the new image from the patch and never fetches the full image; every way a patch
/// can fail (no base, damaged content under a valid chain, a patch for another image, a tampered or
/// missing blob) ends with the full image in the same poll; and a device already running the target
/// fetches nothing when the manifest is re-signed.
/// </summary>
public sealed class DeltaUpdateTests : IDisposable
{
    private readonly TestSite _site = new();
    private readonly TestDevice _device;
    private readonly byte[] _running = TestSite.Image(12 * 4096 + 700, 71);
    private readonly byte[] _next;

    public DeltaUpdateTests()
    {
        _next = EvolvedImage.Next(_running, 72);
        _device = new TestDevice(_site);
        _device.Provision(_running);
        Assert.Equal(BootOutcome.RunConfirmed, _device.Boot().Outcome);
    }

    public void Dispose()
    {
        _device.Dispose();
        _site.Dispose();
    }

    private PublishedRelease PublishWithPatch(TestDelta delta, long issued = TestSite.Now - 60) =>
        _site.Publish(_next, "1.1.0", 2, issued: issued, deltas: [delta]);

    private bool Fetched(string path) => _device.Transport.Requests.Any(r => r.Path == path);

    private void AssertStagedAndBootable()
    {
        Assert.Equal(_next, _device.SlotBytes(SlotId.B));
        BootState state = _device.State();
        Assert.Equal((UpdatePhase.TrialPending, SlotId.B), (state.Phase, state.TrialSlot));
        Assert.Equal(_next.Length, state.Image(SlotId.B).Length);
        Assert.Equal(_running, _device.SlotBytes(SlotId.A));
        Assert.Equal(BootOutcome.RunTrial, _device.Boot().Outcome);
    }

    [Fact]
    public void Device_on_the_base_image_updates_by_delta_and_never_downloads_the_full_image()
    {
        PublishedRelease release = PublishWithPatch(TestDelta.Between(_running, _next, "1.0.0"));

        UpdateReport report = _device.Poll();

        Assert.True(report.Result == UpdateResult.TrialScheduled, report.ToString());
        Assert.True(report.InstalledByDelta, report.ToString());
        Assert.Equal("1.0.0", report.DeltaBaseVersion);
        Assert.True(Fetched(release.Deltas[0].Path));
        Assert.False(Fetched(release.BlobPath), "the full image was downloaded");
        Assert.Equal(release.Deltas[0].Size, report.ArtifactBytes);
        Assert.Equal(release.Artifact.Size, report.FullImageBytes);
        Assert.Equal(release.Artifact.Size - release.Deltas[0].Size, report.BytesSaved);
        Assert.True(report.BytesSaved > release.Artifact.Size / 2, $"a patch saved only {report.BytesSaved} bytes");
        Assert.Null(report.DeltaProblem);
        AssertStagedAndBootable();
        Assert.Equal(ConfirmOutcome.Confirmed, _device.Confirm());
        Assert.Equal(_next, _device.SlotBytes(_device.State().ActiveSlot));
    }

    [Fact]
    public void Device_whose_image_matches_no_base_downloads_the_full_image()
    {
        byte[] other = TestSite.Image(_running.Length, 73);
        PublishedRelease release = PublishWithPatch(TestDelta.Between(other, _next, "0.9.0"));

        UpdateReport report = _device.Poll();

        Assert.True(report.Result == UpdateResult.TrialScheduled, report.ToString());
        Assert.Equal("full", report.InstalledKind);
        Assert.False(Fetched(release.Deltas[0].Path), "a patch for another image was downloaded");
        Assert.True(Fetched(release.BlobPath));
        Assert.Equal(0, report.BytesSaved);
        AssertStagedAndBootable();
    }

    [Fact]
    public void Corrupt_patch_under_a_valid_chain_falls_back_to_the_full_image_in_the_same_poll()
    {
        byte[] patch = DeltaDiff.Create(_running, _next);
        patch[patch.Length / 2] ^= 0x40;
        PublishedRelease release = PublishWithPatch(new TestDelta(patch, "1.0.0", _running));

        UpdateReport report = _device.Poll();

        Assert.True(report.Result == UpdateResult.TrialScheduled, report.ToString());
        Assert.Equal("full", report.InstalledKind);
        Assert.NotNull(report.DeltaProblem);
        Assert.True(Fetched(release.Deltas[0].Path) && Fetched(release.BlobPath));
        Assert.Equal(release.Deltas[0].Size + release.Artifact.Size, report.ArtifactBytes);
        AssertStagedAndBootable();
    }

    [Fact]
    public void Patch_for_another_image_listed_under_the_running_images_digest_is_caught_by_the_output_digest()
    {
        // A sibling of the running image (same length, a few bytes differ), so its patch is small and is tried.
        byte[] sibling = (byte[])_running.Clone();
        for (int at = 1000; at < sibling.Length; at += 9000) sibling[at] ^= 0x5a;
        var wrongBase = new TestDelta(DeltaDiff.Create(sibling, _next), "1.0.0", _running);
        PublishWithPatch(wrongBase);

        UpdateReport report = _device.Poll();

        Assert.True(report.Result == UpdateResult.TrialScheduled, report.ToString());
        Assert.Equal("full", report.InstalledKind);
        Assert.Contains("image digest", report.DeltaProblem, StringComparison.Ordinal);
        AssertStagedAndBootable();
    }

    [Fact]
    public void Patch_that_writes_past_the_signed_image_size_is_stopped_and_the_full_image_used()
    {
        byte[] bigger = [.. _next, .. TestSite.Image(3 * 4096, 75)];
        PublishWithPatch(new TestDelta(DeltaDiff.Create(_running, bigger), "1.0.0", _running));

        UpdateReport report = _device.Poll();

        Assert.True(report.Result == UpdateResult.TrialScheduled, report.ToString());
        Assert.Equal("full", report.InstalledKind);
        Assert.Contains("writes more than the release's", report.DeltaProblem, StringComparison.Ordinal);
        AssertStagedAndBootable();
    }

    [Fact]
    public void Tampered_delta_blob_fails_its_record_digest_before_decryption_and_the_full_image_is_used()
    {
        PublishedRelease release = PublishWithPatch(TestDelta.Between(_running, _next, "1.0.0"));
        _device.Transport.SetFault(release.Deltas[0].Path, SiteFault.FlipByte(release.Deltas[0].Bytes, 100));

        UpdateReport report = _device.Poll();

        Assert.True(report.Result == UpdateResult.TrialScheduled, report.ToString());
        Assert.Equal("full", report.InstalledKind);
        Assert.StartsWith("A2 record 0", report.DeltaProblem, StringComparison.Ordinal);
        AssertStagedAndBootable();
    }

    [Fact]
    public void Missing_delta_blob_falls_back_to_the_full_image()
    {
        PublishedRelease release = PublishWithPatch(TestDelta.Between(_running, _next, "1.0.0"));
        _device.Transport.SetFault(release.Deltas[0].Path, new SiteFault { NotFound = true });

        UpdateReport report = _device.Poll();

        Assert.True(report.Result == UpdateResult.TrialScheduled, report.ToString());
        Assert.Equal("full", report.InstalledKind);
        Assert.Contains("404", report.DeltaProblem, StringComparison.Ordinal);
        AssertStagedAndBootable();
    }

    [Fact]
    public void Dropped_connection_inside_the_first_segment_resumes_the_patch_from_record_0_and_still_updates_by_delta()
    {
        PublishedRelease release = PublishWithPatch(TestDelta.Between(_running, _next, "1.0.0"));
        string patch = release.Deltas[0].Path;
        Assert.True(release.Deltas[0].Size > 1500, $"the patch has only {release.Deltas[0].Size} bytes");
        _device.Transport.SetFault(patch, new SiteFault { DropAfterBytes = 1500, Drops = 1 });

        UpdateReport report = _device.Poll();

        Assert.True(report.Result == UpdateResult.TrialScheduled, report.ToString());
        Assert.True(report.InstalledByDelta, report.ToString());
        Assert.Equal([-1L, -1L], _device.Transport.Requests.Where(r => r.Path == patch).Select(r => r.RangeStart));
        Assert.False(Fetched(release.BlobPath));
        AssertStagedAndBootable();
    }

    [Fact]
    public void Device_already_running_the_target_fetches_nothing_when_the_manifest_is_re_signed()
    {
        PublishedRelease release = PublishWithPatch(TestDelta.Between(_running, _next, "1.0.0"));
        Assert.Equal(UpdateResult.TrialScheduled, _device.Poll().Result);
        Assert.Equal(BootOutcome.RunTrial, _device.Boot().Outcome);
        Assert.Equal(ConfirmOutcome.Confirmed, _device.Confirm());
        // The daily refresh: the same release, signed again with a higher sequence.
        PublishedRelease resigned = PublishWithPatch(TestDelta.Between(_running, _next, "1.0.0"), issued: TestSite.Now - 30);
        Assert.True(resigned.Sequence > release.Sequence);
        _device.Transport.Requests.Clear();

        UpdateReport report = _device.Poll();

        Assert.True(report.Result == UpdateResult.UpToDate, report.ToString());
        Assert.Equal([TestSite.ChannelPath, "roots/2.json"], _device.Transport.Requests.Select(r => r.Path));
        Assert.Equal(0, report.RecordsDownloaded);
        BootState state = _device.State();
        Assert.Equal((UpdatePhase.Confirmed, SlotId.B, resigned.Sequence), (state.Phase, state.ActiveSlot, state.HighestSequence));
        Assert.Equal(1, _device.Rebooter.Reboots);
    }

    [Fact]
    public void A_manifest_naming_the_running_image_drops_a_pending_download_of_another()
    {
        _device.MaxResumes = 0;
        PublishedRelease next = _site.Publish(_next, "1.1.0", 2);
        _device.Transport.SetFault(next.BlobPath, new SiteFault { DropAfterBytes = 3 * 4128, Drops = int.MaxValue });
        Assert.Equal(UpdateResult.TransportFailed, _device.Poll().Result);
        Assert.True(_device.State().IsDownloadPending);
        // The release is withdrawn: the channel names the image the device runs again.
        PublishedRelease pinned = _site.Publish(_running, "1.0.0", 1, issued: TestSite.Now - 30);

        UpdateReport report = _device.Poll();

        Assert.True(report.Result == UpdateResult.UpToDate, report.ToString());
        BootState state = _device.State();
        Assert.Equal((UpdatePhase.Idle, SlotId.None, pinned.Sequence), (state.Phase, state.ResumeSlot, state.HighestSequence));
        Assert.DoesNotContain(_device.Transport.Requests, r => r.Path == pinned.BlobPath);
        Assert.Equal(BootOutcome.RunConfirmed, _device.Boot().Outcome);
    }
}
