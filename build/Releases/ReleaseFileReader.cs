namespace SecureOta.Build.Releases;

/// <summary>
/// Reads one release folder's <c>release.json</c>:
/// <c>{"version": "1.2.0", "securityVersion": 2, "channels": ["stable"], "notes": "...",
/// "image": {"include": ["*.bin"], "exclude": []}}</c> and locates its image.
/// </summary>
internal static class ReleaseFileReader
{
    private static readonly string[] RootProperties = ["version", "securityVersion", "channels", "notes", "image"];
    private static readonly string[] ImageProperties = ["include", "exclude"];

    /// <summary>The draft, or null when the folder has no readable release.json at all.</summary>
    public static ReleaseDraft? Read(string releaseDir, ProblemCollector problems)
    {
        var releaseFile = Path.Combine(releaseDir, ReleaseLimits.ReleaseFileName);
        if (!File.Exists(releaseFile))
        {
            problems.Add(releaseDir, $"this release folder has no {ReleaseLimits.ReleaseFileName}");
            return null;
        }

        var report = problems.For(releaseFile);
        using var document = StrictJsonFile.Parse(releaseFile, report);
        var root = document is null ? null : StrictJsonObject.From(document.RootElement, "$", RootProperties, report);
        if (root is null)
        {
            return null;
        }

        var version = ReadVersion(root, Path.GetFileName(releaseDir), report);
        var securityVersion = root.RequiredUInt32("securityVersion");
        var channels = ReadChannels(root, report);
        var notes = root.OptionalString("notes", whenAbsent: string.Empty);
        var notesLength = notes?.EnumerateRunes().Count() ?? 0;
        if (notesLength > ReleaseLimits.MaxNotesCharacters)
        {
            report($"$.notes: is {notesLength} characters, over the limit of {ReleaseLimits.MaxNotesCharacters}");
            notes = null;
        }

        var imageSpec = root.RequiredObject("image", ImageProperties);
        var include = imageSpec?.RequiredStringArray("include");
        var exclude = imageSpec?.OptionalStringArray("exclude", whenAbsent: []);
        var image = include is not null && exclude is not null
            ? ImageLocator.Locate(releaseDir, include, exclude, releaseFile, problems)
            : null;

        return new ReleaseDraft(releaseDir, releaseFile, version, securityVersion, channels, notes, image);
    }

    private static SemVersion? ReadVersion(StrictJsonObject root, string folderName, Action<string> report)
    {
        var text = root.RequiredString("version");
        if (text is null)
        {
            return null;
        }

        if (!SemVersion.TryParse(text, out var version))
        {
            report($"$.version: \"{text}\" is not a SemVer 2.0.0 version (MAJOR.MINOR.PATCH, optional -prerelease and +build, no leading zeros, no 'v')");
            return null;
        }

        if (!string.Equals(folderName, text, StringComparison.Ordinal))
        {
            report($"$.version: \"{text}\" differs from the folder name \"{folderName}\"; name the folder after the version");
        }

        return version;
    }

    private static IReadOnlyList<string>? ReadChannels(StrictJsonObject root, Action<string> report)
    {
        var channels = root.RequiredStringArray("channels");
        if (channels is null)
        {
            return null;
        }

        if (channels.Count == 0)
        {
            report("$.channels: lists no channel; a release must be published in at least one");
        }

        var valid = true;
        for (var i = 0; i < channels.Count; i++)
        {
            if (!ReleaseLimits.IsValidChannelName(channels[i]))
            {
                report($"$.channels[{i}]: channel name \"{channels[i]}\" is invalid; use 1 to 32 of a-z, 0-9 and '-'");
                valid = false;
            }
            else if (channels.Take(i).Contains(channels[i], StringComparer.Ordinal))
            {
                report($"$.channels[{i}]: channel \"{channels[i]}\" is listed twice");
                valid = false;
            }
        }

        return valid && channels.Count > 0 ? channels : null;
    }
}
