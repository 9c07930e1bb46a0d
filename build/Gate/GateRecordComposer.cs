using SecureOta.Build.Fleet;
using SecureOta.Build.Releases;

namespace SecureOta.Build.Gate;

/// <summary>
/// Composes the record this build publishes: per channel with a release, what its manifest targets after the
/// gate, this refresh's decision on top of the earlier ones from the live record (at most
/// <see cref="GateChannelRecord.MaxDecisions"/>), and the collector's counts for it.
/// </summary>
public static class GateRecordComposer
{
    public static GateRecord Compose(DateTimeOffset now, ReleaseSet releases, IReadOnlyDictionary<string, GateDecision> decisions,
        GateRecord? live, SummaryLoad summary)
    {
        ArgumentNullException.ThrowIfNull(releases);
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(summary);
        var channels = new List<GateChannelRecord>();
        foreach (var name in releases.Channels.Keys)
        {
            var target = ChannelTargets.Plan(releases, name);
            if (target is null) continue;
            var earlier = live?.Channel(name)?.Decisions ?? [];
            var history = (decisions.TryGetValue(name, out var decision) ? earlier.Prepend(decision) : earlier).Take(GateChannelRecord.MaxDecisions).ToList();
            channels.Add(new GateChannelRecord(name, target.Newest.Version.ToString(), target.Release.Version.ToString(), target.Percent, State(target),
                releases.Channels[name].RolloutPolicy is not null, history, summary.Summary?.Channel(name)));
        }

        return new GateRecord(now, summary.Summary?.Generated, summary.Problem, channels);
    }

    private static string State(ChannelTarget target) => target.Rollout?.State switch
    {
        RolloutState.Halted => GateChannelRecord.Halted,
        RolloutState.Paused => GateChannelRecord.Paused,
        _ => target.Percent == RolloutConfig.MaxPercent ? GateChannelRecord.Full : GateChannelRecord.Staged,
    };
}
