namespace SecureOta.Build.Releases;

/// <summary>
/// A channel's staged rollout, as written in <c>releases/channels.json</c> by the Rollout, Pause, Resume
/// and Halt targets. It is bound to one release, so adding a newer release to the channel never
/// silently inherits a percentage meant for another: the build asks for a decision instead.
/// </summary>
public sealed record RolloutConfig
{
    public RolloutConfig(SemVersion release, int percent, RolloutState state, SemVersion? pinned)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, MinPercent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, MaxPercent);
        if (!Enum.IsDefined(state)) throw new ArgumentOutOfRangeException(nameof(state));
        if ((state == RolloutState.Halted) != (pinned is not null))
        {
            throw new ArgumentException("a halted rollout, and only a halted one, names the release it is pinned to", nameof(pinned));
        }

        if (pinned is not null && pinned.CompareTo(release) >= 0)
        {
            throw new ArgumentException("a halted rollout is pinned to an earlier release than the one it withdraws", nameof(pinned));
        }

        Release = release;
        Percent = percent;
        State = state;
        Pinned = pinned;
    }

    public const int MinPercent = 0;
    public const int MaxPercent = 100;

    /// <summary>The release being rolled out (the channel's newest when the rollout was set).</summary>
    public SemVersion Release { get; }

    /// <summary>The share of devices the rollout is meant to reach, 0 to 100 (kept while paused or halted).</summary>
    public int Percent { get; }

    public RolloutState State { get; }

    /// <summary>When halted: the earlier release the channel's manifest targets instead. Null otherwise.</summary>
    public SemVersion? Pinned { get; }

    /// <summary>The release the channel's manifest targets: the pinned one when halted.</summary>
    public SemVersion Target => Pinned ?? Release;

    /// <summary>The manifest's <c>rollout.percent</c>: 0 while paused, 100 for the pinned release when halted.</summary>
    public int PublishedPercent => State switch
    {
        RolloutState.Paused => 0,
        RolloutState.Halted => MaxPercent,
        _ => Percent,
    };

    /// <summary>For people: "1.2.0 to 10 % of devices", "1.2.0 paused at 10 %", "1.2.0 halted, pinned to 1.1.0".</summary>
    public string Describe() => State switch
    {
        RolloutState.Paused => $"{Release} paused at {Percent} % (publishes 0 %)",
        RolloutState.Halted => $"{Release} halted, pinned to {Pinned} for every device",
        _ => Percent == MaxPercent ? $"{Release} to every device (100 %)" : $"{Release} to {Percent} % of devices",
    };

    /// <summary>The JSON spelling of <paramref name="state"/>.</summary>
    public static string StateName(RolloutState state) => state.ToString().ToLowerInvariant();

    public static bool TryParseState(string text, out RolloutState state)
    {
        foreach (var candidate in Enum.GetValues<RolloutState>())
        {
            if (StateName(candidate) == text)
            {
                state = candidate;
                return true;
            }
        }

        state = default;
        return false;
    }
}
