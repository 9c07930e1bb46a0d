using SecureOta.Build.Delta;
using SecureOta.Device.Core.Delta;

namespace SecureOta.Tests.Delta;

/// <summary>The outcome of applying a patch with the device patcher: success, the typed failure, the output.</summary>
internal sealed record PatchRun(bool Succeeded, PatchFailure? Failure, byte[] Output, PatchStatistics Statistics)
{
    /// <summary>Applies <paramref name="patch"/> to <paramref name="oldImage"/>, handing the patch over in reads of <paramref name="chunkSize"/> bytes.</summary>
    public static PatchRun Apply(byte[] oldImage, byte[] patch, int chunkSize = 4096)
    {
        var patcher = new DeltaPatcher();
        var target = new MemoryTargetImage();
        bool ok = patcher.TryApply(new MemoryPatchSource(patch, chunkSize), new MemoryBaseImage(oldImage), target, out var failure);
        Assert.True(ok == (failure is null), "TryApply returns false exactly when it reports a failure");
        var sizes = target.WriteSizes;
        Assert.True(sizes.Take(Math.Max(0, sizes.Count - 1)).All(size => size == DeltaPatcher.OutputChunkSize)
            && (sizes.Count == 0 || (sizes[^1] > 0 && sizes[^1] <= DeltaPatcher.OutputChunkSize)),
            "the target gets whole 4096-byte chunks, the last possibly shorter");
        return new PatchRun(ok, failure, target.ToArray(), patcher.Statistics);
    }

    /// <summary>Diffs, applies, and asserts the output is the new image byte for byte.</summary>
    public static PatchRun RoundTrip(byte[] oldImage, byte[] newImage, int chunkSize = 4096)
    {
        var patch = DeltaDiff.Create(oldImage, newImage);
        var run = Apply(oldImage, patch, chunkSize);
        Assert.True(run.Succeeded, run.Failure?.ToString());
        Assert.Equal(newImage.Length, run.Output.Length);
        Assert.True(newImage.AsSpan().SequenceEqual(run.Output), "the patched image equals the new image byte for byte");
        return run;
    }
}
