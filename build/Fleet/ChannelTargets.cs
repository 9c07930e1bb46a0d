using SecureOta.Build.Frosting;
using SecureOta.Build.Releases;

namespace SecureOta.Build.Fleet;

/// <summary>
/// Decides each channel's manifest target from its releases and its rollout in channels.json
/// (docs/OPERATIONS.md, "Rollouts"): no rollout means the newest release for every device; a rollout
/// must be for the channel's newest release, so a newly added release never inherits a percentage
/// meant for another and never reaches every device by accident.
/// </summary>
public static class ChannelTargets
{
    /// <summary>The target of <paramref name="channel"/>, or null when it has no release yet.</summary>
    public static ChannelTarget? Plan(ReleaseSet releases, string channel)
    {
        ArgumentNullException.ThrowIfNull(releases);
        var newest = releases.LatestIn(channel);
        if (newest is null)
        {
            return null;
        }

        var rollout = releases.Channels[channel].Rollout;
        if (rollout is null)
        {
            return new ChannelTarget(channel, newest, newest, RolloutConfig.MaxPercent, null);
        }

        if (!rollout.Release.Equals(newest.Version))
        {
            throw new BuildException(BuildErrorCode.InvalidRollout,
                $"Channel '{channel}' has a rollout for {rollout.Release} in releases/{ReleaseLimits.ChannelsFileName}, but its newest release is {newest.Version}.",
                $"Decide how {newest.Version} reaches devices: ./build.sh --target=Rollout --channel={channel} --percent=<N> (100 for every device), "
                + $"or --target=Halt --channel={channel} to withdraw it; commit releases/{ReleaseLimits.ChannelsFileName} with the release.");
        }

        // The loader checked that both versions are releases of this channel.
        var target = releases.Find(rollout.Target)
            ?? throw new InvalidOperationException($"Release {rollout.Target} of channel '{channel}' was not loaded.");
        return new ChannelTarget(channel, target, newest, rollout.PublishedPercent, rollout);
    }
}
