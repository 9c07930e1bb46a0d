using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace SecureOta.Build.Releases;

/// <summary>Finds a release's image with its include/exclude globs: exactly one regular, non-empty file of at most 16 MiB.</summary>
internal static class ImageLocator
{
    /// <returns>The image's path relative to the release folder and its length, or null after reporting.</returns>
    public static (string FileName, long Length)? Locate(
        string releaseDir,
        IReadOnlyList<string> include,
        IReadOnlyList<string> exclude,
        string releaseFile,
        ProblemCollector problems)
    {
        var report = problems.For(releaseFile);
        var patternsValid = CheckPatterns(include, "$.image.include", report) & CheckPatterns(exclude, "$.image.exclude", report);
        if (include.Count == 0)
        {
            report("$.image.include: lists no pattern; give one that matches the image, such as \"*.bin\"");
            return null;
        }

        if (!patternsValid)
        {
            return null;
        }

        // Ordinal: the same patterns must select the same file on every operating system.
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(include);
        matcher.AddExcludePatterns(exclude);
        matcher.AddExclude(ReleaseLimits.ReleaseFileName);
        matcher.AddExclude(ReleaseLimits.ApprovalFileName);
        var matches = matcher.Execute(new DirectoryInfoWrapper(new DirectoryInfo(releaseDir)))
            .Files.Select(f => f.Path.Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();
        var shownPatterns = string.Join(", ", include.Select(p => $"\"{p}\""));
        if (matches.Length == 0)
        {
            var present = Directory.EnumerateFiles(releaseDir, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(releaseDir, f).Replace('\\', '/'))
                .Where(f => f != ReleaseLimits.ReleaseFileName && f != ReleaseLimits.ApprovalFileName)
                .Order(StringComparer.Ordinal)
                .ToArray();
            report($"$.image: patterns {shownPatterns} match no file (files present: {(present.Length == 0 ? "none" : string.Join(", ", present))})");
            return null;
        }

        if (matches.Length > 1)
        {
            report($"$.image: patterns {shownPatterns} match {matches.Length} files ({string.Join(", ", matches)}); exactly one image is needed, narrow the patterns or add an exclude");
            return null;
        }

        return CheckImageFile(Path.Combine(releaseDir, matches[0]), matches[0], problems);
    }

    private static (string FileName, long Length)? CheckImageFile(string path, string fileName, ProblemCollector problems)
    {
        var file = new FileInfo(path);
        if (file.LinkTarget is not null)
        {
            problems.Add(path, "the image must be a regular file, not a symbolic link");
            return null;
        }

        if (file.Length == 0)
        {
            problems.Add(path, "the image is empty");
            return null;
        }

        if (file.Length > ReleaseLimits.MaxImageBytes)
        {
            problems.Add(path, $"the image is {file.Length} bytes, over the limit of 16 MiB ({ReleaseLimits.MaxImageBytes} bytes)");
            return null;
        }

        return (fileName, file.Length);
    }

    private static bool CheckPatterns(IReadOnlyList<string> patterns, string path, Action<string> report)
    {
        var valid = true;
        for (var i = 0; i < patterns.Count; i++)
        {
            var pattern = patterns[i];
            var segments = pattern.Split('/');
            if (pattern.Length == 0 || pattern.Contains('\\', StringComparison.Ordinal) || Path.IsPathRooted(pattern)
                || segments.Any(s => s == ".."))
            {
                report($"{path}[{i}]: pattern \"{pattern}\" must be a non-empty relative glob with '/' separators that stays inside the release folder");
                valid = false;
            }
        }

        return valid;
    }
}
