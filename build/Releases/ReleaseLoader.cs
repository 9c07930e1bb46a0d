using SecureOta.Build.Frosting;

namespace SecureOta.Build.Releases;

/// <summary>
/// Loads <c>releases/</c>: <c>channels.json</c> plus one folder per release. Everything is validated
/// before anything is returned, and all problems are reported together in one
/// <see cref="BuildException"/> (<see cref="BuildErrorCode.InvalidReleases"/>), each naming its file.
/// </summary>
public static class ReleaseLoader
{
    /// <param name="releasesDir">The releases folder.</param>
    /// <param name="displayBase">Files in messages are shown relative to this folder (default: the releases folder's parent).</param>
    public static ReleaseSet Load(string releasesDir, string? displayBase = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(releasesDir);
        releasesDir = Path.GetFullPath(releasesDir);
        var problems = new ProblemCollector(displayBase ?? Path.GetDirectoryName(releasesDir) ?? releasesDir);
        if (!Directory.Exists(releasesDir))
        {
            problems.Add(releasesDir, "the releases folder does not exist");
            throw Failure(problems);
        }

        var channels = ChannelsFileReader.Read(Path.Combine(releasesDir, ReleaseLimits.ChannelsFileName), problems);
        var drafts = Directory.GetDirectories(releasesDir)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .Select(d => ReleaseFileReader.Read(d, problems))
            .OfType<ReleaseDraft>()
            .ToArray();
        ReleaseSetChecks.Run(drafts, channels, problems);
        if (problems.Problems.Count > 0)
        {
            throw Failure(problems);
        }

        // No problem was reported, so every field of every draft is present and valid.
        var releases = drafts.Select(d => new Release(
            d.Version!,
            d.SecurityVersion!.Value,
            [.. d.Channels!.Order(StringComparer.Ordinal)],
            d.Notes!,
            d.Directory,
            d.Image!.Value.FileName,
            d.Image.Value.Length));
        return new ReleaseSet(releasesDir, releases, channels.Channels);
    }

    private static BuildException Failure(ProblemCollector problems)
    {
        var count = problems.Problems.Count;
        return new BuildException(
            BuildErrorCode.InvalidReleases,
            $"The release inputs have {count} problem{(count == 1 ? string.Empty : "s")}.",
            "Fix each problem listed (every line names its file) and run the build again; releases/README.md describes the format.",
            // Grouped by file (stable, so each file's problems keep the order they were found in).
            [.. problems.Problems.OrderBy(p => p.File, StringComparer.Ordinal)]);
    }
}
