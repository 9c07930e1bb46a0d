using SecureOta.Build.Frosting;
using SecureOta.Build.Releases;

namespace SecureOta.Build.Fleet;

/// <summary>
/// Reads <c>releases/channels.json</c> for editing (channels in file order, so a rewrite keeps their
/// order) and writes it back in canonical form (<see cref="ChannelsFileWriter"/>).
/// </summary>
public static class ChannelsFileStore
{
    /// <summary>The channels of <paramref name="releasesDir"/>'s channels.json; throws with every problem when it is invalid.</summary>
    public static IReadOnlyList<ChannelConfig> Load(string releasesDir, string displayBase)
    {
        var path = PathIn(releasesDir);
        var problems = new ProblemCollector(displayBase);
        var file = ChannelsFileReader.Read(path, problems);
        if (problems.Problems.Count > 0)
        {
            throw new BuildException(BuildErrorCode.InvalidReleases, $"{problems.Display(path)} cannot be edited: it has problems.",
                "Fix each problem listed (releases/README.md describes the file), then run the target again.", problems.Problems);
        }

        return file.Channels;
    }

    /// <summary>Replaces channels.json with <paramref name="channels"/>; false (nothing written) when the bytes would not change.</summary>
    public static bool Save(string releasesDir, IReadOnlyList<ChannelConfig> channels) =>
        ReviewedFile.Replace(PathIn(releasesDir), ChannelsFileWriter.Write(channels));

    public static string PathIn(string releasesDir) => Path.Combine(releasesDir, ReleaseLimits.ChannelsFileName);
}
