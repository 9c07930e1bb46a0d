using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Build.Site;

namespace SecureOta.Build.Tasks;

/// <summary>
/// Composes the complete site (docs/PROTOCOL.md section 1, the dashboard and .nojekyll) in a staging
/// folder and replaces site/ with it in one step; a failure leaves the previous site/ as it was.
/// </summary>
[TaskName("WriteSite")]
[TaskDescription("Writes the complete site (roots, channel manifests, image and patch blobs, wrapped keys, index.html) and replaces site/ in one step.")]
[IsDependentOn(typeof(SignTask))]
public sealed class WriteSiteTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var inputs = new SiteInputs(
            context.Now,
            context.Keys.IsDemo,
            context.Keys.Roots,
            context.EncryptedReleases,
            context.WrappedKeys,
            context.SignedChannels,
            context.Releases.Channels.Keys.Where(c => context.Releases.LatestIn(c) is null).ToList(),
            context.GateRecord);
        var files = SiteLayout.Compose(inputs);
        new SitePublisher(context.Paths, context.WriteSiteFile, context.Log).Publish(files);
        context.SiteWritten = true;
        context.Log.Information("Wrote {0}: {1} files, {2} bytes ({3} channel manifest(s), {4} image blob(s), {5} delta patch blob(s), {6} wrapped key(s), {7} root version(s)).",
            context.Paths.Display(context.Paths.SiteDir), files.Count, files.Sum(f => (long)f.Bytes.Length), inputs.Channels.Count,
            inputs.Releases.Count, inputs.Releases.Sum(r => r.Deltas.Count), inputs.WrappedKeys.Sum(w => w.Keys.Count), inputs.Roots.Count);
    }
}
