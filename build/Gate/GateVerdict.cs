namespace SecureOta.Build.Gate;

/// <summary>What the rollout gate decided for a channel on one refresh.</summary>
public enum GateVerdict
{
    /// <summary>The rollout stays where it is (not enough reports, no summary, last step reached, a maintainer's pause).</summary>
    Hold,

    /// <summary>The rollout widens to the policy's next step.</summary>
    Widen,

    /// <summary>The release is withdrawn: the channel's manifest goes back to the previous release, for every device.</summary>
    Halt,
}
