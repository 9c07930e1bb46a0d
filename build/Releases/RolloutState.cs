namespace SecureOta.Build.Releases;

/// <summary>Where a channel's staged rollout stands (<c>rollout.state</c> in <c>releases/channels.json</c>).</summary>
public enum RolloutState
{
    /// <summary>The manifest targets the rollout's release for <see cref="RolloutConfig.Percent"/> % of devices.</summary>
    Active,

    /// <summary>
    /// The manifest targets the rollout's release for 0 % of devices: no device that has not installed it
    /// starts to; devices that already run it keep it. <see cref="RolloutConfig.Percent"/> is kept for Resume.
    /// </summary>
    Paused,

    /// <summary>
    /// The release is withdrawn: the manifest targets <see cref="RolloutConfig.Pinned"/>, an earlier
    /// release of the channel, for every device (docs/OPERATIONS.md says what devices already on the
    /// withdrawn release do, given the security-version rule).
    /// </summary>
    Halted,
}
