using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Build.Samples;

namespace SecureOta.Build.Tasks;

/// <summary>
/// (Re)writes the demo releases 1.0.0, 1.1.0 and 1.2.0 and channels.json from the deterministic
/// sample firmware generator into samples/releases/ (or --releases-dir when given). Their output is
/// committed there, outside releases/: a DEMO build uses it when releases/ holds no release, and a build
/// with real keys refuses the images (<see cref="SampleImageMark"/>). Tests generate their own copies.
/// </summary>
[TaskName("GenerateSamples")]
[TaskDescription("Rewrites the demo releases (1.0.0, 1.1.0, 1.2.0) and channels.json under samples/releases/ (or --releases-dir) from the sample firmware generator; their images are marked as samples, which real-keys builds refuse.")]
public sealed class GenerateSamplesTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        // Never into releases/ unless asked: that folder is the maintainers' own, and a real build refuses samples.
        var target = context.GetArgument("releases-dir") is null ? context.Paths.SamplesDir : context.Paths.ReleasesDir;
        foreach (var folder in SampleReleaseWriter.Write(target))
        {
            var image = new FileInfo(Path.Combine(folder, SampleReleaseWriter.ImageFileName));
            context.Log.Information("Wrote {0} ({1} bytes)", context.Paths.Display(image.FullName), image.Length);
        }

        context.Log.Information("Wrote {0}", context.Paths.Display(Path.Combine(target, "channels.json")));
    }
}
