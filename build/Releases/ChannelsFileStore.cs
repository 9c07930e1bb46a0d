using SecureOta.Build.Frosting;

namespace SecureOta.Build.Releases;

/// <summary>
/// Reads <c>channels.json</c> for editing (channels in file order, so a rewrite keeps their order) and
/// writes it back in canonical form (<see cref="ChannelsFileWriter"/>) by replacing the file in one
/// step, so an interrupted write never leaves half a file.
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

    /// <summary>Replaces channels.json with <paramref name="channels"/>; returns false (and writes nothing) when the bytes would not change.</summary>
    public static bool Save(string releasesDir, IReadOnlyList<ChannelConfig> channels)
    {
        var path = PathIn(releasesDir);
        var bytes = ChannelsFileWriter.Write(channels);
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
        {
            return false;
        }

        var staging = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            File.WriteAllBytes(staging, bytes);
            File.Move(staging, path, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            File.Delete(staging);
            throw new BuildException(BuildErrorCode.FileSystem, $"{path} could not be written: {exception.Message}",
                "Check that the file and its folder are writable, then run the target again.", exception);
        }

        return true;
    }

    public static string PathIn(string releasesDir) => Path.Combine(releasesDir, ReleaseLimits.ChannelsFileName);
}
