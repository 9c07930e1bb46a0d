using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Build.Releases;

namespace SecureOta.Build.Tasks;

[TaskName("LoadReleases")]
[TaskDescription("Reads and validates releases/ (every release.json, image and channels.json) into the context.")]
public sealed class LoadReleasesTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var dir = context.Paths.ReleasesDir;
        // A repository without releases yet (no folder, or no channels.json and no release folder) is not an error:
        // a DEMO build then shows the samples (Encrypt), and a fleet target says what is missing when it needs it.
        var releases = IsEmpty(dir)
            ? new ReleaseSet(dir, [], [])
            : ReleaseLoader.Load(dir, context.Paths.RootDir);
        context.Releases = releases;
        if (releases.Releases.IsEmpty)
        {
            context.Log.Warning("No releases under {0}: the site will list none.", context.Paths.Display(releases.ReleasesDir));
        }

        context.Log.Information(
            "Loaded {0} release(s) in {1} channel(s) from {2}.",
            releases.Releases.Length,
            releases.Channels.Count,
            context.Paths.Display(releases.ReleasesDir));
        foreach (var release in releases.Releases)
        {
            context.Log.Verbose(
                "  {0}: security version {1}, channels {2}, image {3} ({4} bytes)",
                release.Version,
                release.SecurityVersion,
                string.Join(", ", release.Channels),
                release.ImageFileName,
                release.ImageLength);
        }
    }

    private static bool IsEmpty(string dir) =>
        !Directory.Exists(dir)
        || (!File.Exists(Path.Combine(dir, ReleaseLimits.ChannelsFileName))
            && !Directory.GetDirectories(dir).Any(d => !Path.GetFileName(d).StartsWith('.')));
}
