using SecureOta.Build.Releases;

namespace SecureOta.Build.Gate;

/// <summary>The channel's settings for this build after the gate (in memory only), and its decision (null: the gate does not govern the channel).</summary>
public sealed record GateChannelOutcome(ChannelConfig Config, GateDecision? Decision);
