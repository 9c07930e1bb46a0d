using SecureOta.Build.Frosting;
using SecureOta.Build.Releases;

namespace SecureOta.Build.Fleet;

/// <summary>
/// The rules of the Rollout, Pause, Resume and Halt targets, without I/O: each takes a channel's
/// settings and releases (oldest first) and returns the new rollout with its consequences, or throws
/// a <see cref="BuildException"/> that says what to run instead. Every rollout is bound to the
/// channel's newest release.
/// </summary>
public static class RolloutEditor
{
    /// <summary>Rolls the newest release out to <paramref name="percent"/> % of devices (lifting a pause or halt of it).</summary>
    public static RolloutChange Rollout(ChannelConfig channel, IReadOnlyList<Release> releases, int percent)
    {
        var newest = Newest(channel, releases);
        var before = channel.Rollout;
        var after = new RolloutConfig(newest.Version, percent, RolloutState.Active, null);
        var notes = new List<string>();
        if (before is not null && before.Release.Equals(newest.Version))
        {
            if (before.State == RolloutState.Halted) notes.Add($"Lifts the halt: {newest.Version} replaces {before.Pinned} as the target again.");
            if (before.State == RolloutState.Paused) notes.Add("Lifts the pause.");
            if (percent < before.Percent)
            {
                notes.Add($"Narrows the rollout from {before.Percent} % to {percent} %: devices that already installed {newest.Version} keep it; "
                    + "only devices that have not yet installed it and fall outside the new share wait.");
            }
        }
        else if (before is not null)
        {
            notes.Add($"Replaces the rollout of {before.Release}: {newest.Version} is sampled with its own salt, so a different set of devices goes first.");
        }

        notes.Add(percent == RolloutConfig.MaxPercent
            ? $"Every device on channel '{channel.Name}' is offered {newest.Version}."
            : $"About {percent} % of devices on channel '{channel.Name}' are offered {newest.Version}; widening later keeps every device already in.");
        return new RolloutChange(channel.Name, before, after, notes);
    }

    /// <summary>Stops the newest release from reaching devices that have not installed it (publishes 0 %), keeping the percent for Resume.</summary>
    public static RolloutChange Pause(ChannelConfig channel, IReadOnlyList<Release> releases)
    {
        var newest = Newest(channel, releases);
        var before = channel.Rollout;
        if (before is null)
        {
            return new RolloutChange(channel.Name, null, new RolloutConfig(newest.Version, RolloutConfig.MaxPercent, RolloutState.Paused, null),
                [$"Channel '{channel.Name}' had no staged rollout: {newest.Version} at 100 % is paused. Devices that installed it keep it; no other device starts."]);
        }

        RequireCurrent(channel, before, newest, "Pause");
        return before.State switch
        {
            RolloutState.Paused => new RolloutChange(channel.Name, before, before, [$"The rollout of {newest.Version} is already paused; nothing changes."]),
            RolloutState.Halted => throw new BuildException(BuildErrorCode.InvalidRollout,
                $"Channel '{channel.Name}' is halted ({newest.Version} withdrawn, {before.Pinned} pinned); pausing it would do nothing more.",
                $"Leave it halted, or lift the halt with ./build.sh --target=Resume --channel={channel.Name}."),
            _ => new RolloutChange(channel.Name, before, new RolloutConfig(newest.Version, before.Percent, RolloutState.Paused, null),
                [$"Paused at {before.Percent} %: devices that installed {newest.Version} keep it; no other device starts until Resume."]),
        };
    }

    /// <summary>Lifts a pause or a halt: the newest release goes back to the percent it had.</summary>
    public static RolloutChange Resume(ChannelConfig channel, IReadOnlyList<Release> releases)
    {
        var newest = Newest(channel, releases);
        var before = channel.Rollout;
        if (before is null || before.State == RolloutState.Active)
        {
            return new RolloutChange(channel.Name, before, before, [$"Channel '{channel.Name}' is neither paused nor halted; nothing changes."]);
        }

        RequireCurrent(channel, before, newest, "Resume");
        var after = new RolloutConfig(newest.Version, before.Percent, RolloutState.Active, null);
        return new RolloutChange(channel.Name, before, after, [$"{newest.Version} is offered again to {before.Percent} % of devices, the same devices as before."]);
    }

    /// <summary>
    /// Withdraws the newest release: the manifest targets <paramref name="pinTo"/> (default: the release
    /// just before it in the channel) for every device.
    /// </summary>
    public static RolloutChange Halt(ChannelConfig channel, IReadOnlyList<Release> releases, SemVersion? pinTo)
    {
        var newest = Newest(channel, releases);
        var earlier = releases.Where(r => r.Version < newest.Version).ToList();
        var pinned = pinTo is null ? earlier.LastOrDefault() : earlier.FirstOrDefault(r => r.Version.Equals(pinTo));
        if (pinned is null)
        {
            throw new BuildException(BuildErrorCode.InvalidRollout,
                pinTo is null
                    ? $"Channel '{channel.Name}' has no release before {newest.Version} to pin, so it cannot be halted."
                    : $"{pinTo} is not a release of channel '{channel.Name}' earlier than {newest.Version}.",
                pinTo is null
                    ? $"Stop it from spreading with ./build.sh --target=Pause --channel={channel.Name} instead."
                    : $"Pin one of: {(earlier.Count == 0 ? "(none)" : string.Join(", ", earlier.Select(r => r.Version)))}, or leave out --release to pin {earlier.LastOrDefault()?.Version.ToString() ?? "the previous release"}.");
        }

        var before = channel.Rollout;
        var percent = before is not null && before.Release.Equals(newest.Version) ? before.Percent : RolloutConfig.MaxPercent;
        var after = new RolloutConfig(newest.Version, percent, RolloutState.Halted, pinned.Version);
        var notes = new List<string> { $"Devices that have not installed {newest.Version} are offered {pinned.Version}." };
        notes.Add(pinned.SecurityVersion < newest.SecurityVersion
            ? $"Devices that installed {newest.Version} (security version {newest.SecurityVersion}) refuse {pinned.Version} (security version {pinned.SecurityVersion}) "
              + $"as a downgrade and keep running {newest.Version} until a fixed release with security version {newest.SecurityVersion} or higher is published."
            : $"Devices that installed {newest.Version} go back to {pinned.Version} at their next poll (same security version {pinned.SecurityVersion}).");
        return new RolloutChange(channel.Name, before, after, notes);
    }

    private static Release Newest(ChannelConfig channel, IReadOnlyList<Release> releases) =>
        releases.Count > 0
            ? releases[^1]
            : throw new BuildException(BuildErrorCode.InvalidRollout, $"Channel '{channel.Name}' has no release to roll out.",
                $"Add a release that lists \"{channel.Name}\" in its release.json channels first.");

    private static void RequireCurrent(ChannelConfig channel, RolloutConfig rollout, Release newest, string target)
    {
        if (!rollout.Release.Equals(newest.Version))
        {
            throw new BuildException(BuildErrorCode.InvalidRollout,
                $"Channel '{channel.Name}' has a rollout for {rollout.Release}, but its newest release is {newest.Version}; {target} acts on the newest release.",
                $"Start the rollout of {newest.Version} with ./build.sh --target=Rollout --channel={channel.Name} --percent=<N>.");
        }
    }
}
