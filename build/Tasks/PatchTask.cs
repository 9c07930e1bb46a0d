using System.Diagnostics;
using System.Security.Cryptography;
using SecureOta.Build.Context;
using SecureOta.Build.Delta;
using SecureOta.Build.Frosting;
using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.Tasks;

/// <summary>
/// Applies a delta patch with the device core's <see cref="DeltaPatcher"/>, streaming the patch and
/// the output as a device does and reading the old image at random offsets. The output appears under
/// its name only when the whole patch applied.
/// </summary>
[TaskName("Patch")]
[TaskDescription("Applies --patch=<file> to --old=<file> with the device core's patcher and writes the new image to --out=<file>.")]
public sealed class PatchTask : FrostingTask<BuildContext>
{
    private const string Usage = "./build.sh --target=Patch --old=<old image> --patch=<patch file> --out=<new image>";

    public override void Run(BuildContext context)
    {
        var oldImage = DeltaFileArguments.ReadImage(context, "old", "the image the patch applies to", Usage);
        var patchPath = DeltaFileArguments.Path(context, "patch", "the patch to apply", Usage);
        DeltaFileArguments.FileLength(patchPath, "patch");
        var outPath = DeltaFileArguments.Path(context, "out", "the new image to write", Usage);

        var patcher = new DeltaPatcher();
        PatchFailure? failure = null;
        var clock = Stopwatch.StartNew();
        DeltaFileArguments.WriteAll(outPath, "out", output =>
        {
            using var patch = OpenPatch(patchPath);
            var target = new StreamTargetImage(output);
            if (!patcher.TryApply(new StreamPatchSource(patch), new MemoryBaseImage(oldImage), target, out failure))
                throw new BuildException(BuildErrorCode.DeltaPatchFailed, $"The device patcher refused {patchPath}: {failure}",
                    "Check that the patch was made (--target=Diff) from this old image; a device would fall back to the full image.");
        });
        clock.Stop();

        var statistics = patcher.Statistics;
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(DeltaFileArguments.ReadAll(outPath, "out")));
        context.Log.Information(
            "Wrote {0}: {1:N0} bytes, SHA-256 {2}; applied in {3:N0} ms with {4:N0} bytes of patcher memory, {5:N0} bytes copied natively, {6:N0} on the per-byte path, {7:N0} symbols decoded, {8:N0} edits ({9:N0} of them candidate edits).",
            outPath, statistics.OutputBytes, sha256, clock.Elapsed.TotalMilliseconds, DeltaPatcher.WorkingMemoryBytes,
            statistics.CopiedBytes, statistics.PerBytePathBytes, statistics.DecodedSymbols, statistics.Edits, statistics.CandidateEdits);
    }

    private static FileStream OpenPatch(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BuildException(BuildErrorCode.FileSystem, $"--patch={path} could not be read: {e.Message}", "Check the file and its permissions.", e);
        }
    }
}
