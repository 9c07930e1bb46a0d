using SecureOta.Build.Releases;

namespace SecureOta.Build.Fleet;

/// <summary>
/// What a channel's manifest targets on this deploy: the release, the <c>rollout.percent</c> it is
/// published with, and the rollout setting that decided it (null: none, the newest release goes to
/// every device).
/// </summary>
/// <param name="Channel">The channel's name.</param>
/// <param name="Release">The release the manifest targets (the pinned one when the rollout is halted).</param>
/// <param name="Newest">The channel's newest release.</param>
/// <param name="Percent">The manifest's <c>rollout.percent</c>.</param>
/// <param name="Rollout">The channel's rollout setting, or null.</param>
public sealed record ChannelTarget(string Channel, Release Release, Release Newest, int Percent, RolloutConfig? Rollout)
{
    /// <summary>For people: "full (100 %)", "10 % of devices", "paused at 10 % (publishing 0 %)", "halted: 1.2.0 withdrawn, 1.1.0 pinned".</summary>
    public string Describe() => Rollout?.State switch
    {
        null => "full rollout (100 %)",
        RolloutState.Paused => $"paused at {Rollout.Percent} % (publishing 0 %)",
        RolloutState.Halted => $"halted: {Rollout.Release} withdrawn, {Rollout.Pinned} pinned for every device",
        _ => Percent == RolloutConfig.MaxPercent ? "full rollout (100 %)" : $"staged: {Percent} % of devices",
    };
}
