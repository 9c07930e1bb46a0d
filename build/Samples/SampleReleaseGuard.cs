using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Build.Releases;

namespace SecureOta.Build.Samples;

/// <summary>
/// Where the demo's sample releases may go: into a DEMO build, when releases/ holds no release of the
/// maintainers' own (a fresh repository still shows the demo end to end); never into a build with real
/// keys, which refuses any release whose image is a generated sample (<see cref="SampleImageMark"/>).
/// </summary>
public static class SampleReleaseGuard
{
    /// <summary>A DEMO build with no release in releases/ builds samples/releases/ instead, and says so.</summary>
    public static void UseSamplesInEmptyDemoBuild(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Keys.IsDemo || !context.Releases.Releases.IsEmpty || !Directory.Exists(context.Paths.SamplesDir)) return;
        context.Releases = ReleaseLoader.Load(context.Paths.SamplesDir, context.Paths.RootDir);
        context.Log.Warning("{0} holds no release: this DEMO build uses the sample releases in {1} ({2}). A build with real keys never does.",
            context.Paths.Display(context.Paths.ReleasesDir), context.Paths.Display(context.Paths.SamplesDir),
            string.Join(", ", context.Releases.Releases.Select(r => r.Version)));
    }

    /// <summary>In a build with real keys, refuses every release whose image is a generated sample, naming each image.</summary>
    public static void RefuseSamplesWithRealKeys(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Keys.IsDemo) return;
        var problems = context.Releases.Releases
            .Where(r => File.Exists(r.ImagePath) && SampleImageMark.IsSample(File.ReadAllBytes(r.ImagePath)))
            .Select(r => new BuildProblem(context.Paths.Display(r.ImagePath),
                $"release {r.Version}'s image is a generated sample (its app descriptor names the project '{SampleImageMark.Name}'), not firmware of yours"))
            .ToList();
        if (problems.Count == 0) return;
        throw new BuildException(BuildErrorCode.SampleReleaseRefused,
            $"{problems.Count} release(s) under {context.Paths.Display(context.Paths.ReleasesDir)} are the demo's sample releases; a build with real keys never signs or publishes them.",
            "Remove the sample release folders from releases/ (the demo keeps its own copy in samples/releases/) and add your own releases; docs/OPERATIONS.md section 3.",
            problems);
    }
}
