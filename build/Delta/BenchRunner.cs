using System.Diagnostics;
using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.Delta;

/// <summary>
/// Measures our diff and the device patcher against the baseline tools on firmware pairs: sizes,
/// the size as shipped, times, round trip, the patcher's allocations and its per-byte work.
/// </summary>
public static class BenchRunner
{
    /// <summary>Measures one pair; the baseline tools write their patches into <paramref name="scratchFolder"/>.</summary>
    public static BenchRow Measure(FirmwarePair pair, string scratchFolder)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var oldImage = File.ReadAllBytes(pair.OldPath);
        var newImage = File.ReadAllBytes(pair.NewPath);

        var clock = Stopwatch.StartNew();
        var diff = DeltaDiff.Diff(oldImage, newImage);
        var diffTime = clock.Elapsed;

        var source = new MemoryPatchSource(diff.Patch);
        var baseImage = new MemoryBaseImage(oldImage);
        var target = new VerifyingTargetImage(newImage);
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        clock.Restart();
        var patcher = new DeltaPatcher();
        bool applied = patcher.TryApply(source, baseImage, target, out var failure);
        var applyTime = clock.Elapsed;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        string? problem = failure?.ToString();
        if (applied && !target.Matches) problem = $"the patched image differs from the new image at byte {target.FirstDifference}";
        return new BenchRow
        {
            Pair = pair,
            OldSize = oldImage.Length,
            NewSize = newImage.Length,
            Diff = diff,
            ShippedSize = ArtifactLayout.ArtifactSize(diff.Patch.Length),
            DiffTime = diffTime,
            ApplyTime = applyTime,
            RoundTrip = problem is null,
            Failure = problem,
            Statistics = patcher.Statistics,
            AllocatedBytes = allocated,
            Baselines = BaselineTool.All.Select(tool => tool.Measure(pair, scratchFolder)).ToList(),
        };
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
