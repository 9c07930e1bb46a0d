using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Build.Samples;

namespace SecureOta.Build.Tasks;

/// <summary>
/// (Re)writes the demo releases 1.0.0, 1.1.0 and 1.2.0 and channels.json from the deterministic
/// sample firmware generator. Their output is committed: it is the demo and the test input.
/// </summary>
[TaskName("GenerateSamples")]
[TaskDescription("Rewrites the demo releases (1.0.0, 1.1.0, 1.2.0) and channels.json under releases/ from the sample firmware generator.")]
public sealed class GenerateSamplesTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        foreach (var folder in SampleReleaseWriter.Write(context.Paths.ReleasesDir))
        {
            var image = new FileInfo(Path.Combine(folder, SampleReleaseWriter.ImageFileName));
            context.Log.Information("Wrote {0} ({1} bytes)", context.Paths.Display(image.FullName), image.Length);
        }

        context.Log.Information("Wrote {0}", context.Paths.Display(Path.Combine(context.Paths.ReleasesDir, "channels.json")));
    }
}
