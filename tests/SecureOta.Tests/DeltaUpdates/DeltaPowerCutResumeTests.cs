using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Update;
using SecureOta.Device.Host.Storage;
using SecureOta.Tests.DeviceClient.Support;
using Xunit.Abstractions;

namespace SecureOta.Tests.DeltaUpdates;

/// <summary>
/// A patch's resume point survives a power cut (PROTOCOL.md sections 11a and 11b): the power fails at
/// every flash operation of a patch spanning many records; after each cut a fresh boot runs a checked
/// image, and the next poll continues the patch from the stored segment boundary's record (a Range
/// request) when one was stored, else from record 0, and yields the signed image. A stored patch resume
/// of another release is dropped and the new release's patch starts from record 0.
/// </summary>
public sealed class DeltaPowerCutResumeTests : IDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly TestSite _site = new();
    private readonly byte[] _running = TestSite.Image(24 * 4096 + 300, 91);
    private readonly byte[] _next;
    private readonly PublishedRelease _release;
    private readonly MemoryFileStore _provisioned;

    public DeltaPowerCutResumeTests(ITestOutputHelper output)
    {
        _output = output;
        _next = DeltaResumeTests.HalfRewritten(_running, 92);
        // Segments of at most 8 KiB, so the patch has a boundary every few records to store and resume at.
        var patch = SecureOta.Tests.Delta.PatchResumeTests.SmallSegments(_running, _next);
        _release = _site.Publish(_next, "3.0.0", 2, deltas: [new TestDelta(patch, "1.0.0", _running)]);
        using TestDevice device = NewDevice(new MemoryFileStore());
        device.Provision(_running);
        Assert.Equal(BootOutcome.RunConfirmed, device.Boot().Outcome);
        _provisioned = device.Flash;
    }

    public void Dispose() => _site.Dispose();

    private TestDevice NewDevice(MemoryFileStore flash) => new(_site, flash) { SaveEveryRecords = 1, MaxTrialBoots = 2 };

    private int CountOperations()
    {
        using TestDevice device = NewDevice(_provisioned.Clone());
        var counter = new PowerCutFileStore(device.Flash);
        device.Files = counter;
        UpdateReport report = device.Poll();
        Assert.True(report.InstalledByDelta, report.ToString());
        return counter.Operations;
    }

    /// <summary>A device whose power failed at operation <paramref name="cut"/> of the patch, power restored.</summary>
    private TestDevice CutAt(int cut)
    {
        TestDevice device = NewDevice(_provisioned.Clone());
        var power = new PowerCutFileStore(device.Flash, cut);
        device.Files = power;
        Assert.Throws<PowerCutException>(() => device.Poll());
        power.RestorePower();
        return device;
    }

    [Fact]
    public void Power_cut_at_every_write_of_a_patch_resumes_from_the_stored_boundary_and_yields_the_signed_image()
    {
        string patch = _release.Deltas[0].Path;
        int points = CountOperations();
        int resumed = 0;
        for (int cut = 1; cut <= points; cut++)
        {
            string where = $"patch, cut {cut} of {points}";
            using TestDevice device = CutAt(cut);
            BootDecision fresh = device.Boot();
            Assert.True(fresh.ShouldRun, where + ": " + fresh.Problem);
            if (fresh.Outcome == BootOutcome.RunTrial)
            {
                Assert.Equal(_next, device.SlotBytes(fresh.Slot));
                continue;
            }
            Assert.True(fresh.Slot == SlotId.A && fresh.Outcome == BootOutcome.RunConfirmed, where + ": " + fresh.Outcome);
            Assert.Equal(_running, device.SlotBytes(SlotId.A));
            BootState stored = device.State();
            long expectedStart = stored.HasPatchResume ? (long)stored.ResumePosition.Index * ArtifactLayout.RecordSize : 0;
            int before = device.Transport.Requests.Count;

            UpdateReport report = device.Poll();

            Assert.True(report.Result == UpdateResult.TrialScheduled && report.InstalledByDelta, where + ": retried poll " + report);
            SiteRequest[] retried = device.Transport.Requests.Skip(before).Where(r => r.Path == patch).ToArray();
            Assert.Equal(expectedStart > 0 ? expectedStart : -1L, retried[0].RangeStart);
            if (expectedStart > 0) resumed++;
            Assert.Equal(_next, device.SlotBytes(SlotId.B));
            Assert.Equal(BootOutcome.RunTrial, device.Boot().Outcome);
        }
        _output.WriteLine($"patch: {points} cut points, {resumed} retries resumed past record 0 from a stored boundary");
        Assert.True(resumed >= points / 4, $"only {resumed} of {points} cuts resumed past record 0");
    }

    [Fact]
    public void Stored_patch_resume_of_another_release_is_dropped_and_the_new_patch_starts_from_record_0()
    {
        int points = CountOperations();
        TestDevice? device = null;
        for (int cut = points / 2; cut <= points && device == null; cut++)
        {
            TestDevice candidate = CutAt(cut);
            if (candidate.State().HasPatchResume && candidate.State().ResumePosition.Index > 0) device = candidate;
            else candidate.Dispose();
        }
        Assert.NotNull(device);
        using (device)
        {
            byte[] newer = DeltaResumeTests.HalfRewritten(_running, 93);
            PublishedRelease other = _site.Publish(newer, "4.0.0", 3, deltas: [TestDelta.Between(_running, newer, "1.0.0")]);
            Assert.Equal(BootOutcome.RunConfirmed, device.Boot().Outcome);
            int before = device.Transport.Requests.Count;

            UpdateReport report = device.Poll();

            Assert.True(report.Result == UpdateResult.TrialScheduled && report.InstalledByDelta, report.ToString());
            SiteRequest[] requests = device.Transport.Requests.Skip(before).ToArray();
            Assert.DoesNotContain(requests, r => r.Path == _release.Deltas[0].Path);
            Assert.Equal(-1L, requests.First(r => r.Path == other.Deltas[0].Path).RangeStart);
            Assert.Equal(newer, device.SlotBytes(SlotId.B));
            Assert.False(device.State().HasPatchResume);
        }
    }
}
