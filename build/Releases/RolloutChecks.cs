namespace SecureOta.Build.Releases;

/// <summary>
/// Checks each channel's rollout against the releases: the release it rolls out and the release it is
/// pinned to must both exist and be published in that channel. Whether the rollout is for the
/// channel's newest release is decided when the manifest is signed, so that the Rollout target can
/// still load the releases and start the newest one's rollout.
/// </summary>
internal static class RolloutChecks
{
    public static void Run(IReadOnlyList<ReleaseDraft> drafts, ChannelsFile channels, ProblemCollector problems)
    {
        foreach (var channel in channels.Channels)
        {
            if (channel.Rollout is not { } rollout)
            {
                continue;
            }

            var path = $"$.channels.{channel.Name}.{RolloutConfigReader.PropertyName}";
            CheckInChannel(drafts, channels.FilePath, channel.Name, rollout.Release, $"{path}.release", problems);
            if (rollout.Pinned is { } pinned)
            {
                CheckInChannel(drafts, channels.FilePath, channel.Name, pinned, $"{path}.pinned", problems);
            }
        }
    }

    private static void CheckInChannel(IReadOnlyList<ReleaseDraft> drafts, string file, string channel, SemVersion version, string path, ProblemCollector problems)
    {
        var draft = drafts.FirstOrDefault(d => d.Version is not null && d.Version.CompareTo(version) == 0);
        if (draft is null)
        {
            problems.Add(file, $"{path}: release {version} does not exist under releases/; run ./build.sh --target=Rollout --channel={channel} --percent=<N> "
                + "to roll out the channel's newest release, or remove the rollout");
        }
        else if (draft.Channels is { } names && !names.Contains(channel, StringComparer.Ordinal))
        {
            problems.Add(file, $"{path}: release {version} is not published in channel \"{channel}\" ({problems.Display(draft.ReleaseFile)} does not list it)");
        }
    }
}
