namespace SecureOta.Build.Gate;

/// <summary>
/// One channel in the published gate record: its newest release, what the manifest targets and at which
/// percent, the rollout state ("staged", "full", "paused", "halted"), the gate's decisions (newest first,
/// those of earlier refreshes carried over from the live record) and the collector's counts for it as of
/// this refresh (null without a summary).
/// </summary>
public sealed record GateChannelRecord(
    string Channel,
    string Release,
    string Target,
    int Percent,
    string State,
    bool Governed,
    IReadOnlyList<GateDecision> Decisions,
    ChannelReportSummary? Reports)
{
    public const string Staged = "staged";
    public const string Full = "full";
    public const string Paused = "paused";
    public const string Halted = "halted";

    /// <summary>How many decisions a channel keeps: enough to read the rollout's story, small enough to publish daily.</summary>
    public const int MaxDecisions = 20;
}
