using System.Diagnostics;
using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.Delta;

/// <summary>
/// Measures our diff and the device patcher against the baseline tools on firmware pairs: sizes,
/// the size as shipped, times, round trip, the patcher's allocations and its per-byte work. Times are
/// medians of several runs, and each run times our diff and every tool one after the other, so the ratio
/// of our diff time to bsdiff's is taken within one run (both under the same load) before its median.
/// </summary>
public static class BenchRunner
{
    /// <summary>Runs when <c>--runs</c> is not given.</summary>
    public const int DefaultRuns = 5;

    /// <summary>Measures one pair <paramref name="runs"/> times; the baseline tools write their patches into <paramref name="scratchFolder"/>.</summary>
    public static BenchRow Measure(FirmwarePair pair, string scratchFolder, int runs = DefaultRuns)
    {
        ArgumentNullException.ThrowIfNull(pair);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var oldImage = File.ReadAllBytes(pair.OldPath);
        var newImage = File.ReadAllBytes(pair.NewPath);
        var tools = BaselineTool.All;
        int bsdiffIndex = tools.ToList().FindIndex(t => t.Executable == "bsdiff");

        DeltaDiffResult? diff = null;
        var diffTimes = new List<TimeSpan>();
        var sameRunRatios = new List<double>();
        var first = new BaselineMeasurement[tools.Count];
        var toolTimes = tools.Select(_ => new List<TimeSpan>()).ToArray();
        for (int run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            var result = DeltaDiff.Diff(oldImage, newImage);
            diffTimes.Add(clock.Elapsed);
            diff ??= result;
            for (int i = 0; i < tools.Count; i++)
            {
                // A tool that is missing or failed once is not run again: its column says why.
                if (run > 0 && first[i].Size is null) continue;
                var measured = tools[i].Measure(pair, scratchFolder);
                if (run == 0) first[i] = measured;
                if (measured.Time is TimeSpan time) toolTimes[i].Add(time);
            }
            if (bsdiffIndex >= 0 && toolTimes[bsdiffIndex].Count == run + 1)
                sameRunRatios.Add(diffTimes[run] / toolTimes[bsdiffIndex][run]);
        }

        var (applyTime, applied, statistics, allocated) = Apply(diff!, oldImage, newImage, runs);
        return new BenchRow
        {
            Pair = pair,
            OldSize = oldImage.Length,
            NewSize = newImage.Length,
            Diff = diff!,
            ShippedSize = ArtifactLayout.ArtifactSize(diff!.Patch.Length),
            Runs = runs,
            DiffTime = Median.Of(diffTimes)!.Value,
            DiffTimeToBsdiff = Median.Of(sameRunRatios),
            ApplyTime = applyTime,
            RoundTrip = applied is null,
            Failure = applied,
            Statistics = statistics,
            AllocatedBytes = allocated,
            Baselines = first.Select((m, i) => m.Size is null ? m : m with { Time = Median.Of(toolTimes[i]) }).ToList(),
        };
    }

    /// <summary>Applies the patch <paramref name="runs"/> times: the median time, and from the first run the outcome, the statistics and what the patcher allocated.</summary>
    private static (TimeSpan Time, string? Problem, PatchStatistics Statistics, long Allocated) Apply(DeltaDiffResult diff, byte[] oldImage, byte[] newImage, int runs)
    {
        var times = new List<TimeSpan>();
        string? problem = null;
        PatchStatistics? statistics = null;
        long allocated = 0;
        for (int run = 0; run < runs; run++)
        {
            var source = new MemoryPatchSource(diff.Patch);
            var baseImage = new MemoryBaseImage(oldImage);
            var target = new VerifyingTargetImage(newImage);
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            var patcher = new DeltaPatcher();
            bool applied = patcher.TryApply(source, baseImage, target, out var failure);
            times.Add(clock.Elapsed);
            if (run > 0) continue;
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            statistics = patcher.Statistics;
            problem = failure?.ToString();
            if (applied && !target.Matches) problem = $"the patched image differs from the new image at byte {target.FirstDifference}";
            if (problem is not null) break;
        }
        return (Median.Of(times)!.Value, problem, statistics!, allocated);
    }

    /// <summary>Runs the diff and the patcher once on a small synthetic pair, so the first real pair's times exclude JIT compilation.</summary>
    public static void WarmUp()
    {
        var random = new Random(1);
        var oldImage = new byte[1 << 16];
        random.NextBytes(oldImage);
        var newImage = (byte[])oldImage.Clone();
        for (int i = 0; i < 64; i++) newImage[random.Next(newImage.Length)] ^= 0x5A;
        var patch = DeltaDiff.Create(oldImage, newImage);
        new DeltaPatcher().TryApply(new MemoryPatchSource(patch), new MemoryBaseImage(oldImage), new VerifyingTargetImage(newImage), out _);
    }
}
