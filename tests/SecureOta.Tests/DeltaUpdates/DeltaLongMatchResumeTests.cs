using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Update;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.DeltaUpdates;

/// <summary>
/// A patch whose matches copy from far back in the new image (PROTOCOL.md section 11a.5, format 3 on) resumes
/// after a dropped connection: the patcher continues at a segment boundary and reads the bytes before it
/// back from the inactive slot, which the device wrote in an earlier connection (the test flash, like
/// LittleFS, shows a reader the file as it was when the reader was opened).
/// </summary>
public sealed class DeltaLongMatchResumeTests : IDisposable
{
    private readonly TestSite _site = new();
    private readonly byte[] _running = TestSite.Image(8 * 4096, 93);
    private readonly byte[] _next;
    private readonly PublishedRelease _release;

    public DeltaLongMatchResumeTests()
    {
        // 20,000 bytes the base lacks, 16,000 more, then the first 20,000 again: a match from 36,000 back.
        byte[] unit = TestSite.Image(20_000, 94);
        _next = [.. unit, .. TestSite.Image(16_000, 95), .. unit, .. _running];
        var patch = SecureOta.Tests.Delta.PatchResumeTests.SmallSegments(_running, _next);
        _release = _site.Publish(_next, "3.0.0", 2, deltas: [new TestDelta(patch, "1.0.0", _running)]);
    }

    public void Dispose() => _site.Dispose();

    [Fact]
    public void Patch_with_long_distance_matches_dropped_after_any_record_resumes_and_yields_the_signed_image()
    {
        string patch = _release.Deltas[0].Path;
        int records = (int)(_release.Deltas[0].Size / ArtifactLayout.RecordSize);
        Assert.True(records >= 4, $"the patch has only {records} whole records");
        int resumedWithRange = 0;
        for (int k = 1; k < records; k++)
        {
            using var device = new TestDevice(_site);
            device.Provision(_running);
            Assert.Equal(BootOutcome.RunConfirmed, device.Boot().Outcome);
            device.Transport.SetFault(patch, new SiteFault { DropAfterBytes = (long)k * ArtifactLayout.RecordSize + 10, Drops = 1 });

            UpdateReport report = device.Poll();

            string where = $"drop after record {k}";
            Assert.True(report.Result == UpdateResult.TrialScheduled && report.InstalledByDelta, where + ": " + report);
            long[] starts = device.Transport.Requests.Where(r => r.Path == patch).Select(r => r.RangeStart).ToArray();
            if (starts.Length == 2 && starts[1] > 0) resumedWithRange++;
            Assert.Equal(_next, device.SlotBytes(SlotId.B));
            Assert.Equal(BootOutcome.RunTrial, device.Boot().Outcome);
        }
        Assert.True(resumedWithRange >= 1, "no drop resumed past record 0");
    }
}
