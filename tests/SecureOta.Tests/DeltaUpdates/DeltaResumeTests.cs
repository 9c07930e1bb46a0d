using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Update;
using SecureOta.Tests.DeviceClient.Support;
using Xunit.Abstractions;

namespace SecureOta.Tests.DeltaUpdates;

/// <summary>
/// A patch whose connection drops resumes at the patcher's last segment boundary (PROTOCOL.md section
/// 11a.3): the next request asks for the record holding that boundary (Range), the patcher continues
/// from the boundary's new-image position, and the slot must still read back as the signed image.
/// The images are large and changed enough that the patch spans many records and several segments.
/// </summary>
public sealed class DeltaResumeTests : IDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly TestSite _site = new();
    private readonly byte[] _running = TestSite.Image(24 * 4096 + 300, 91);
    private readonly byte[] _next;
    private readonly PublishedRelease _release;

    public DeltaResumeTests(ITestOutputHelper output)
    {
        _output = output;
        _next = HalfRewritten(_running, 92);
        // Segments of at most 8 KiB, so the patch has a boundary every few records to resume at.
        var patch = SecureOta.Tests.Delta.PatchResumeTests.SmallSegments(_running, _next);
        _release = _site.Publish(_next, "3.0.0", 2, deltas: [new TestDelta(patch, "1.0.0", _running)]);
    }

    public void Dispose() => _site.Dispose();

    /// <summary>The base with 1500 new bytes inserted after every 2048: a patch of many records and segments.</summary>
    internal static byte[] HalfRewritten(byte[] image, int seed)
    {
        byte[] noise = TestSite.Image(image.Length, seed);
        var next = new List<byte>();
        for (int at = 0; at < image.Length; at += 2048)
        {
            next.AddRange(image.Skip(at).Take(2048));
            next.AddRange(noise.Skip(at).Take(1500));
        }
        return next.ToArray();
    }

    private TestDevice NewDevice()
    {
        var device = new TestDevice(_site);
        device.Provision(_running);
        Assert.Equal(BootOutcome.RunConfirmed, device.Boot().Outcome);
        return device;
    }

    [Fact]
    public void Patch_dropped_after_any_record_resumes_from_its_last_segment_boundary_and_yields_the_signed_image()
    {
        string patch = _release.Deltas[0].Path;
        int records = (int)(_release.Deltas[0].Size / ArtifactLayout.RecordSize);
        int total = (int)((_release.Deltas[0].Size + ArtifactLayout.RecordSize - 1) / ArtifactLayout.RecordSize);
        Assert.True(records >= 6, $"the patch has only {records} whole records");
        int resumedWithRange = 0;
        for (int k = 1; k < records; k++)
        {
            using TestDevice device = NewDevice();
            device.Transport.SetFault(patch, new SiteFault { DropAfterBytes = (long)k * ArtifactLayout.RecordSize + 10, Drops = 1 });

            UpdateReport report = device.Poll();

            string where = $"drop after record {k}";
            Assert.True(report.Result == UpdateResult.TrialScheduled && report.InstalledByDelta, where + ": " + report);
            Assert.False(device.Transport.Requests.Any(r => r.Path == _release.BlobPath), where + ": the full image was fetched");
            long[] starts = device.Transport.Requests.Where(r => r.Path == patch).Select(r => r.RangeStart).ToArray();
            Assert.Equal(2, starts.Length);
            Assert.Equal(-1L, starts[0]);
            // The resume asks for a whole record at or before the one that dropped, never past it.
            Assert.True(starts[1] == -1 || (starts[1] % ArtifactLayout.RecordSize == 0 && starts[1] <= (long)k * ArtifactLayout.RecordSize),
                where + ": resumed at byte " + starts[1]);
            if (starts[1] > 0) resumedWithRange++;
            // Records downloaded: k whole before the drop, then only those from the resume point on.
            Assert.Equal(k + total - (int)(Math.Max(starts[1], 0) / ArtifactLayout.RecordSize), report.RecordsDownloaded);
            Assert.Equal(_next, device.SlotBytes(SlotId.B));
            Assert.Equal(BootOutcome.RunTrial, device.Boot().Outcome);
        }
        _output.WriteLine($"{records - 1} drops, {resumedWithRange} resumed with Range after record 0");
        Assert.True(resumedWithRange >= records / 2, $"only {resumedWithRange} of {records - 1} drops resumed past record 0");
    }

    [Fact]
    public void Patch_dropped_on_every_response_resumes_each_time_from_a_later_record_and_yields_the_signed_image()
    {
        string patch = _release.Deltas[0].Path;
        using TestDevice device = NewDevice();
        device.MaxResumes = 8;
        device.Transport.SetFault(patch, new SiteFault { DropAfterBytes = 5L * ArtifactLayout.RecordSize + 10, Drops = 3 });

        UpdateReport report = device.Poll();

        Assert.True(report.Result == UpdateResult.TrialScheduled && report.InstalledByDelta, report.ToString());
        long[] starts = device.Transport.Requests.Where(r => r.Path == patch).Select(r => r.RangeStart).ToArray();
        Assert.Equal(4, starts.Length);
        // Each response drops after 5 records; each resume starts later than the one before.
        for (int i = 2; i < starts.Length; i++) Assert.True(starts[i] > starts[i - 1], string.Join(", ", starts));
        Assert.DoesNotContain(device.Transport.Requests, r => r.Path == _release.BlobPath);
        Assert.Equal(_next, device.SlotBytes(SlotId.B));
        Assert.Equal(BootOutcome.RunTrial, device.Boot().Outcome);
    }

    [Fact]
    public void Resumed_patch_whose_server_ignores_range_restarts_from_the_first_record_and_yields_the_signed_image()
    {
        string patch = _release.Deltas[0].Path;
        using TestDevice device = NewDevice();
        device.Transport.SetFault(patch, new SiteFault { DropAfterBytes = 5L * ArtifactLayout.RecordSize + 10, Drops = 1, IgnoreRange = true });

        UpdateReport report = device.Poll();

        Assert.True(report.Result == UpdateResult.TrialScheduled && report.InstalledByDelta, report.ToString());
        Assert.Equal(_next, device.SlotBytes(SlotId.B));
        Assert.Equal(BootOutcome.RunTrial, device.Boot().Outcome);
    }
}
