using System.Collections.Immutable;

namespace SecureOta.Build.Releases;

/// <summary>
/// A channel's optional <c>rolloutPolicy</c> in <c>releases/channels.json</c>: the steps the scheduled
/// refresh's rollout gate widens a staged rollout through, and the device reports it needs before it
/// widens or halts (docs/OPERATIONS.md, "The rollout gate"). Without one the gate never touches the channel.
/// </summary>
public sealed record RolloutGatePolicy
{
    public const int MaxSteps = 16;
    public const int MaxMinReports = 1_000_000;

    public RolloutGatePolicy(IEnumerable<int> steps, int minReports, double maxFailureRate)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var ordered = steps.ToImmutableArray();
        if (ordered.IsEmpty || ordered.Length > MaxSteps) throw new ArgumentException($"a policy has 1 to {MaxSteps} steps", nameof(steps));
        for (int i = 0; i < ordered.Length; i++)
        {
            if (ordered[i] < 1 || ordered[i] > RolloutConfig.MaxPercent) throw new ArgumentOutOfRangeException(nameof(steps), "a step is a percent from 1 to 100");
            if (i > 0 && ordered[i] <= ordered[i - 1]) throw new ArgumentException("steps grow strictly", nameof(steps));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(minReports, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minReports, MaxMinReports);
        if (!(maxFailureRate >= 0 && maxFailureRate <= 1)) throw new ArgumentOutOfRangeException(nameof(maxFailureRate), "a failure rate is from 0 to 1");
        Steps = ordered;
        MinReports = minReports;
        MaxFailureRate = maxFailureRate;
    }

    /// <summary>Percents of devices, strictly growing, each 1 to 100.</summary>
    public ImmutableArray<int> Steps { get; }

    /// <summary>Outcomes (confirmed + reverted + failed devices) a release needs before the gate widens it.</summary>
    public int MinReports { get; }

    /// <summary>The highest share of failed outcomes, 0 to 1, at which the gate still widens.</summary>
    public double MaxFailureRate { get; }

    /// <summary>The smallest step above <paramref name="percent"/>, or null when none is (the rollout is at or past its last step).</summary>
    public int? NextStep(int percent)
    {
        foreach (var step in Steps)
        {
            if (step > percent) return step;
        }
        return null;
    }

    public bool Equals(RolloutGatePolicy? other) =>
        other is not null && Steps.SequenceEqual(other.Steps) && MinReports == other.MinReports && MaxFailureRate.Equals(other.MaxFailureRate);

    public override int GetHashCode() => HashCode.Combine(Steps.Length, MinReports, MaxFailureRate);
}
