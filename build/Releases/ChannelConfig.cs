namespace SecureOta.Build.Releases;

/// <summary>One channel's settings from <c>releases/channels.json</c>.</summary>
public sealed class ChannelConfig
{
    public ChannelConfig(string name, int manifestLifetimeDays, int deltaBaseCount, RolloutConfig? rollout = null, RolloutGatePolicy? rolloutPolicy = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(manifestLifetimeDays, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(deltaBaseCount);
        Name = name;
        ManifestLifetimeDays = manifestLifetimeDays;
        DeltaBaseCount = deltaBaseCount;
        Rollout = rollout;
        RolloutPolicy = rolloutPolicy;
    }

    /// <summary>The channel's name ([a-z0-9-]{1,32}).</summary>
    public string Name { get; }

    /// <summary>How long a signed channel manifest stays valid after it is issued (1 to 365 days).</summary>
    public int ManifestLifetimeDays { get; }

    public TimeSpan ManifestLifetime => TimeSpan.FromDays(ManifestLifetimeDays);

    /// <summary>
    /// How many earlier releases of the channel get a delta patch to the channel's newest release
    /// (0 to 16; 0 means full images only). See <see cref="ReleaseSet.DeltaBases"/>.
    /// </summary>
    public int DeltaBaseCount { get; }

    /// <summary>The channel's staged rollout; null means its newest release goes to every device.</summary>
    public RolloutConfig? Rollout { get; }

    /// <summary>
    /// The policy the scheduled refresh's rollout gate applies to the staged rollout from device reports
    /// (null: the gate leaves the channel alone).
    /// </summary>
    public RolloutGatePolicy? RolloutPolicy { get; }

    /// <summary>The same channel with another rollout (null: none), keeping its policy.</summary>
    public ChannelConfig WithRollout(RolloutConfig? rollout) => new(Name, ManifestLifetimeDays, DeltaBaseCount, rollout, RolloutPolicy);
}
