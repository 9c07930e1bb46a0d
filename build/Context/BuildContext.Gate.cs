using SecureOta.Build.Gate;

namespace SecureOta.Build.Context;

/// <summary>The rollout gate's record for this build (RolloutGate task), published by WriteSite and shown on the dashboard.</summary>
public sealed partial class BuildContext
{
    /// <summary>The record to publish, or null: no gate ran and the live site has none (every build before the gate, and every fleet without it).</summary>
    public GateRecord? GateRecord { get; set; }
}
