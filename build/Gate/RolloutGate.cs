using SecureOta.Build.Fleet;
using SecureOta.Build.Frosting;
using SecureOta.Build.Releases;

namespace SecureOta.Build.Gate;

/// <summary>
/// Decides one channel's rollout for this build from its policy, the live manifest, the live gate record and
/// the collector's summary (docs/OPERATIONS.md, "The rollout gate"). Without I/O. The result is a channel
/// setting in memory for this build only: the refresh rebuilds a tag and commits nothing, so the state lives
/// on the live site (the manifest's release and percent, and the published record for a halt).
/// <list type="bullet">
/// <item>No <c>rolloutPolicy</c>, or a rollout for another release than the newest: untouched, no decision.</item>
/// <item>Halted in channels.json (a maintainer's Halt): stays halted; the gate never lifts a halt.</item>
/// <item>Halted by the gate earlier (the live record says so and the live manifest still targets the pinned
/// release): stays halted, until a new tag deploys the release again or a newer release replaces it.</item>
/// <item>Otherwise the current step is the larger of the live manifest's percent (when it targets the newest
/// release) and the tag's; <see cref="GateRule"/> then widens one step, holds, or halts back to the release
/// before (as <see cref="RolloutEditor.Halt"/> does). A paused rollout may halt, never widen.</item>
/// </list>
/// </summary>
public static class RolloutGate
{
    public static GateChannelOutcome Decide(ChannelConfig config, IReadOnlyList<Release> releases, LiveChannelTarget? live,
        GateChannelRecord? liveRecord, SummaryLoad summary, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(releases);
        ArgumentNullException.ThrowIfNull(summary);
        var policy = config.RolloutPolicy;
        var rollout = config.Rollout;
        if (policy is null || releases.Count == 0) return new GateChannelOutcome(config, null);
        var newest = releases[^1].Version;
        if (rollout is not null && !rollout.Release.Equals(newest)) return new GateChannelOutcome(config, null);

        var counts = summary.Summary?.Channel(config.Name)?.Release(newest.ToString())?.Devices ?? DeviceOutcomeCounts.None;
        GateDecision Decision(GateVerdict verdict, int before, int after, SemVersion target, string why) =>
            new(now, config.Name, newest.ToString(), verdict, before, after, target.ToString(), counts, why);

        if (rollout?.State == RolloutState.Halted)
        {
            return new GateChannelOutcome(config, Decision(GateVerdict.Hold, RolloutConfig.MaxPercent, RolloutConfig.MaxPercent, rollout.Target,
                $"halted in channels.json (a maintainer's Halt, {rollout.Pinned} pinned): the gate never lifts a halt"));
        }

        if (GateHaltInForce(liveRecord, live, newest, releases) is { } pinned)
        {
            var halted = new RolloutConfig(newest, rollout?.Percent ?? RolloutConfig.MaxPercent, RolloutState.Halted, pinned);
            var since = liveRecord!.Decisions.FirstOrDefault(d => d.Verdict == GateVerdict.Halt && d.Release == newest.ToString());
            return new GateChannelOutcome(config.WithRollout(halted), Decision(GateVerdict.Hold, RolloutConfig.MaxPercent, RolloutConfig.MaxPercent, pinned,
                $"halted by the gate{(since is null ? "" : $" on {since.At:yyyy-MM-dd HH:mm} UTC ({since.Why})")}; it stays halted until a new tag deploys "
                + $"{newest} again (a maintainer's decision) or a newer release replaces it"));
        }

        var tagPercent = rollout?.Percent ?? RolloutConfig.MaxPercent;
        var current = live is not null && live.Version.Equals(newest) && rollout?.State != RolloutState.Paused
            ? Math.Max(live.Percent, tagPercent)
            : tagPercent;
        var paused = rollout?.State == RolloutState.Paused;
        var published = paused ? 0 : current;
        var staying = rollout is null && current == RolloutConfig.MaxPercent ? null : new RolloutConfig(newest, current, rollout?.State ?? RolloutState.Active, null);
        if (summary.Summary is null)
        {
            return new GateChannelOutcome(config.WithRollout(staying), Decision(GateVerdict.Hold, published, published, newest, summary.Problem ?? "no summary"));
        }

        var (verdict, why) = GateRule.Judge(policy, counts);
        switch (verdict)
        {
            case GateVerdict.Halt:
                return Halt(config.WithRollout(new RolloutConfig(newest, current, RolloutState.Active, null)), releases, published, why, Decision);
            case GateVerdict.Widen when paused:
                return new GateChannelOutcome(config, Decision(GateVerdict.Hold, 0, 0, newest, $"paused in channels.json (a maintainer's Pause); reports would allow widening: {why}"));
            case GateVerdict.Widen when policy.NextStep(current) is { } next:
                return new GateChannelOutcome(config.WithRollout(new RolloutConfig(newest, next, RolloutState.Active, null)),
                    Decision(GateVerdict.Widen, current, next, newest, why));
            case GateVerdict.Widen:
                return new GateChannelOutcome(config.WithRollout(staying), Decision(GateVerdict.Hold, current, current, newest,
                    $"at the policy's last step ({current} %); {why}"));
            default:
                return new GateChannelOutcome(config.WithRollout(staying), Decision(GateVerdict.Hold, published, published, newest, why));
        }
    }

    private static GateChannelOutcome Halt(ChannelConfig config, IReadOnlyList<Release> releases, int before, string why,
        Func<GateVerdict, int, int, SemVersion, string, GateDecision> decision)
    {
        try
        {
            var change = RolloutEditor.Halt(config, releases, pinTo: null);
            var after = change.After!;
            return new GateChannelOutcome(config.WithRollout(after), decision(GateVerdict.Halt, before, RolloutConfig.MaxPercent, after.Target,
                $"{why}; {after.Release} is withdrawn and every device is offered {after.Pinned}. {string.Join(" ", change.Consequences.Skip(1))}".TrimEnd()));
        }
        catch (BuildException)
        {
            // No earlier release to go back to: stop the spread instead, as Pause does.
            var rollout = config.Rollout!;
            var paused = new RolloutConfig(rollout.Release, rollout.Percent, RolloutState.Paused, null);
            return new GateChannelOutcome(config.WithRollout(paused), decision(GateVerdict.Halt, before, 0, rollout.Release,
                $"{why}; the channel has no release before {rollout.Release} to go back to, so it is paused (0 %): no further device starts it"));
        }
    }

    /// <summary>The release the gate pinned earlier, when the live record says it halted the newest release and the live manifest still targets the pin.</summary>
    private static SemVersion? GateHaltInForce(GateChannelRecord? record, LiveChannelTarget? live, SemVersion newest, IReadOnlyList<Release> releases)
    {
        if (record is null || live is null || record.State != GateChannelRecord.Halted || record.Release != newest.ToString()) return null;
        if (record.Target != live.Version.ToString()) return null;
        return releases.Any(r => r.Version.Equals(live.Version)) && live.Version.CompareTo(newest) < 0 ? live.Version : null;
    }
}
