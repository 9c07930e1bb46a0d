using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Trust;
using SecureOta.Device.Core.Update;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.DeviceClient;

/// <summary>
/// Attacks on the artifact bytes: every record is checked before it is decrypted or written, so the
/// slot never holds a byte of a bad record, the device keeps running its image, and once the server
/// behaves the download continues from the last good record.
/// </summary>
public sealed class ArtifactAttackTests : IDisposable
{
    private const int RecordCount = 5;
    private readonly TestSite _site = new();
    private readonly TestDevice _device;
    private readonly byte[] _factoryImage = TestSite.Image(4096 + 9, 31);
    private readonly byte[] _image = TestSite.Image((RecordCount - 1) * 4096 + 1000, 32);
    private readonly PublishedRelease _release;

    public ArtifactAttackTests()
    {
        _device = new TestDevice(_site) { SaveEveryRecords = 1 };
        _device.Provision(_factoryImage);
        _release = _site.Publish(_image, "1.1.0", 2);
    }

    public void Dispose()
    {
        _device.Dispose();
        _site.Dispose();
    }

    private byte[] Blob => _release.Artifact.Bytes;

    private UpdateReport PollWithFault(SiteFault fault)
    {
        _device.Transport.SetFault(_release.BlobPath, fault);
        return _device.Poll();
    }

    private void AssertRefusedAtRecord(UpdateReport report, VerificationError error, string step, int record)
    {
        Assert.True(report.Result == UpdateResult.Rejected, report.ToString());
        Assert.Equal((error, step), (report.Failure!.Verification!.Error, report.Failure.Step));
        // Records before the bad one are in the slot; not one byte of the bad record is.
        Assert.Equal(_image[..(record * 4096)], _device.SlotBytes(SlotId.B));
        Assert.Equal(record, _device.State().ResumePosition.Index);
        DeviceAssert.RunsFactoryImage(_device, _factoryImage);
    }

    private void AssertResumesAndCompletes(int fromRecord)
    {
        _device.Transport.ClearFaults();
        UpdateReport report = _device.Poll();
        Assert.True(report.Result == UpdateResult.TrialScheduled, report.ToString());
        Assert.Equal(RecordCount - fromRecord, report.RecordsDownloaded);
        Assert.Equal(_image, _device.SlotBytes(SlotId.B));
        if (fromRecord > 0) Assert.Contains(_device.Transport.Requests, r => r.RangeStart == fromRecord * ArtifactLayout.RecordSize && r.Status == 206);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(RecordCount - 1)]
    public void Rejects_blob_with_one_flipped_byte_before_writing_that_record(int record)
    {
        UpdateReport report = PollWithFault(SiteFault.FlipByte(Blob, record * ArtifactLayout.RecordSize + 17));

        AssertRefusedAtRecord(report, VerificationError.RecordDigestMismatch, "A2", record);
        AssertResumesAndCompletes(record);
    }

    [Fact]
    public void Rejects_flipped_byte_in_a_record_link()
    {
        UpdateReport report = PollWithFault(SiteFault.FlipByte(Blob, 2 * ArtifactLayout.RecordSize - 3));

        // Record 1's link is part of record 1, whose digest record 0 fixed: record 1 is refused.
        AssertRefusedAtRecord(report, VerificationError.RecordDigestMismatch, "A2", 1);
    }

    [Fact]
    public void Rejects_truncated_blob_at_its_last_record()
    {
        UpdateReport report = PollWithFault(SiteFault.Truncate(Blob, Blob.Length - 100));

        AssertRefusedAtRecord(report, VerificationError.Truncated, "A1", RecordCount - 1);
        AssertResumesAndCompletes(RecordCount - 1);
    }

    [Fact]
    public void Rejects_extended_blob_before_writing_its_last_record()
    {
        UpdateReport report = PollWithFault(SiteFault.Extend(Blob, 1));

        AssertRefusedAtRecord(report, VerificationError.TooLarge, "A1", RecordCount - 1);
    }

    [Fact]
    public void Endless_data_attack_blob_longer_than_signed_sent_without_a_content_length_is_refused()
    {
        UpdateReport report = PollWithFault(new SiteFault { Replace = [.. Blob, 0x00], OmitContentLength = true });

        AssertRefusedAtRecord(report, VerificationError.TooLarge, "A1", RecordCount - 1);
    }

    [Fact]
    public void Mix_and_match_attack_artifact_that_is_not_the_one_listed_is_refused()
    {
        using var other = new TestSite();
        PublishedRelease foreign = other.Publish(TestSite.Image(_image.Length, 33), "1.1.0", 2);

        UpdateReport report = PollWithFault(new SiteFault { Replace = foreign.Artifact.Bytes });

        AssertRefusedAtRecord(report, VerificationError.RecordDigestMismatch, "A2", 0);
    }

    [Fact]
    public void Rejects_a_206_for_another_range_than_the_one_asked()
    {
        _device.MaxResumes = 0;
        Assert.Equal(UpdateResult.TransportFailed, PollWithFault(new SiteFault { DropAfterBytes = 2 * ArtifactLayout.RecordSize + 10 }).Result);
        _device.Transport.ClearFaults();

        UpdateReport report = PollWithFault(new SiteFault { ShiftRange = -ArtifactLayout.RecordSize });

        AssertRefusedAtRecord(report, VerificationError.Malformed, "A1", 2);
    }

    [Fact]
    public void Server_ignoring_Range_makes_the_download_restart_from_record_0_never_append()
    {
        _device.MaxResumes = 0;
        Assert.Equal(UpdateResult.TransportFailed, PollWithFault(new SiteFault { DropAfterBytes = 3 * ArtifactLayout.RecordSize + 10 }).Result);
        Assert.Equal(3, _device.State().ResumePosition.Index);
        _device.Transport.ClearFaults();

        UpdateReport report = PollWithFault(new SiteFault { IgnoreRange = true });

        Assert.True(report.Result == UpdateResult.TrialScheduled, report.ToString());
        SiteRequest resumed = _device.Transport.Requests.Last(r => r.Path == _release.BlobPath);
        Assert.Equal((3L * ArtifactLayout.RecordSize, 200), (resumed.RangeStart, resumed.Status));
        Assert.Equal(RecordCount, report.RecordsDownloaded);
        Assert.Equal(_image, _device.SlotBytes(SlotId.B));
    }

    [Fact]
    public void Dropped_connection_resumes_with_Range_within_the_same_poll()
    {
        UpdateReport report = PollWithFault(new SiteFault { DropAfterBytes = 2 * ArtifactLayout.RecordSize + 100, Drops = 2 });

        Assert.True(report.Result == UpdateResult.TrialScheduled, report.ToString());
        var blobRequests = _device.Transport.Requests.Where(r => r.Path == _release.BlobPath).ToList();
        Assert.Equal([-1L, 2L * ArtifactLayout.RecordSize, 4L * ArtifactLayout.RecordSize], blobRequests.Select(r => r.RangeStart));
        Assert.Equal(_image, _device.SlotBytes(SlotId.B));
    }

    [Fact]
    public void Download_cut_by_a_reset_resumes_from_the_saved_record_on_the_next_boot()
    {
        _device.MaxResumes = 0;
        _device.SaveEveryRecords = 2;
        UpdateReport cut = PollWithFault(new SiteFault { DropAfterBytes = 3 * ArtifactLayout.RecordSize + 10 });
        Assert.Equal(UpdateResult.TransportFailed, cut.Result);
        Assert.Equal(UpdatePhase.Downloading, _device.State().Phase);
        Assert.Equal(3, _device.State().ResumePosition.Index);
        DeviceAssert.RunsFactoryImage(_device, _factoryImage);

        AssertResumesAndCompletes(3);
    }

    [Fact]
    public void Newer_release_published_during_a_download_replaces_it_from_record_0()
    {
        _device.MaxResumes = 0;
        PollWithFault(new SiteFault { DropAfterBytes = 2 * ArtifactLayout.RecordSize + 10 });
        _device.Transport.ClearFaults();
        byte[] newer = TestSite.Image(3 * 4096, 34);
        _site.Publish(newer, "1.2.0", 2, issued: TestSite.Now - 10);

        UpdateReport report = _device.Poll();

        Assert.True(report.Result == UpdateResult.TrialScheduled, report.ToString());
        Assert.Equal(3, report.RecordsDownloaded);
        Assert.Equal(newer, _device.SlotBytes(SlotId.B));
    }
}
