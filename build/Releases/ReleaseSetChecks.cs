namespace SecureOta.Build.Releases;

/// <summary>Checks that need every release at once: unique versions, declared channels, security versions per channel, rollouts.</summary>
internal static class ReleaseSetChecks
{
    public static void Run(IReadOnlyList<ReleaseDraft> drafts, ChannelsFile channels, ProblemCollector problems)
    {
        var versioned = drafts.Where(d => d.Version is not null).OrderBy(d => d.Version).ToArray();
        CheckUniqueVersions(versioned, problems);
        if (channels.Readable)
        {
            CheckChannelsDeclared(drafts, channels, problems);
            RolloutChecks.Run(drafts, channels, problems);
        }

        CheckSecurityVersionsNeverDecrease(versioned, problems);
    }

    private static void CheckUniqueVersions(IReadOnlyList<ReleaseDraft> versioned, ProblemCollector problems)
    {
        // Equal precedence, not equal text: 1.0.0+a and 1.0.0+b could not be ordered for devices.
        for (var i = 1; i < versioned.Count; i++)
        {
            var first = versioned.Take(i).FirstOrDefault(d => d.Version!.CompareTo(versioned[i].Version) == 0);
            if (first is not null)
            {
                problems.Add(
                    versioned[i].ReleaseFile,
                    $"$.version: {versioned[i].Version} duplicates version {first.Version} of {problems.Display(first.ReleaseFile)} "
                    + "(build metadata does not count in SemVer precedence); every release needs its own version");
            }
        }
    }

    private static void CheckChannelsDeclared(IReadOnlyList<ReleaseDraft> drafts, ChannelsFile channels, ProblemCollector problems)
    {
        foreach (var draft in drafts)
        {
            foreach (var channel in draft.Channels ?? [])
            {
                if (!channels.Declared.Contains(channel))
                {
                    problems.Add(
                        draft.ReleaseFile,
                        $"$.channels: channel \"{channel}\" is not declared in {ReleaseLimits.ChannelsFileName}; declare it there or fix the name");
                }
            }
        }
    }

    private static void CheckSecurityVersionsNeverDecrease(IReadOnlyList<ReleaseDraft> versioned, ProblemCollector problems)
    {
        // A device accepts only security versions at least its own; a lower one later in a channel
        // would strand every device that installed the earlier release.
        var channelNames = versioned.SelectMany(d => d.Channels ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var channel in channelNames)
        {
            ReleaseDraft? highest = null;
            foreach (var draft in versioned.Where(d => d.SecurityVersion is not null && (d.Channels ?? []).Contains(channel, StringComparer.Ordinal)))
            {
                if (highest is not null && draft.SecurityVersion < highest.SecurityVersion)
                {
                    problems.Add(
                        draft.ReleaseFile,
                        $"$.securityVersion: {draft.SecurityVersion} is lower than {highest.SecurityVersion} of the earlier release "
                        + $"{highest.Version} ({problems.Display(highest.ReleaseFile)}) in channel \"{channel}\"; security versions may not decrease along a channel");
                }
                else
                {
                    highest = draft;
                }
            }
        }
    }
}
