using System.Diagnostics;
using SecureOta.Build.Context;
using SecureOta.Build.Delta;
using SecureOta.Build.Frosting;
using SecureOta.Device.Core.Artifacts;

namespace SecureOta.Build.Tasks;

/// <summary>
/// Writes the delta patch from one image to another: the plain patch bytes of docs/PROTOCOL.md
/// section 11a, which the pipeline encrypts into an artifact of kind "delta" and devices apply with
/// the device core's patcher.
/// </summary>
[TaskName("Diff")]
[TaskDescription("Writes the delta patch from --old=<file> to --new=<file> into --patch=<file> (the plain patch the pipeline encrypts and ships).")]
public sealed class DiffTask : FrostingTask<BuildContext>
{
    private const string Usage = "./build.sh --target=Diff --old=<old image> --new=<new image> --patch=<patch file>";

    public override void Run(BuildContext context)
    {
        var oldImage = DeltaFileArguments.ReadImage(context, "old", "the image the patch applies to", Usage);
        var newImage = DeltaFileArguments.ReadImage(context, "new", "the image the patch produces", Usage);
        var patchPath = DeltaFileArguments.Path(context, "patch", "the patch file to write", Usage);

        var clock = Stopwatch.StartNew();
        var diff = DeltaDiff.Diff(oldImage, newImage);
        clock.Stop();
        DeltaFileArguments.WriteAll(patchPath, "patch", stream => stream.Write(diff.Patch));

        int shipped = ArtifactLayout.ArtifactSize(diff.Patch.Length);
        context.Log.Information(
            "Wrote {0}: {1:N0} bytes ({2:P1} of the {3:N0}-byte new image), {4:N0} bytes as shipped (encrypted, hash-chained); {5:N0} blocks, {6:N0} edits, {7:N0} literal bytes; {8:N0} ms.",
            patchPath, diff.Patch.Length, newImage.Length == 0 ? 0 : (double)diff.Patch.Length / newImage.Length, newImage.Length, shipped,
            diff.Blocks, diff.Edits, diff.LiteralBytes, clock.Elapsed.TotalMilliseconds);
    }
}
