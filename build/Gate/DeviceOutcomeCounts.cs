namespace SecureOta.Build.Gate;

/// <summary>
/// Distinct devices per outcome for one release on one channel, as the collector's summary counts them
/// (the contract's section 5): failed is verification-failed or download-failed.
/// </summary>
public sealed record DeviceOutcomeCounts(int TrialScheduled, int Confirmed, int Reverted, int Rejected, int Failed)
{
    public static DeviceOutcomeCounts None { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Devices with a result the gate counts: confirmed + reverted + failed.</summary>
    public long Outcomes => (long)Confirmed + Reverted + Failed;

    /// <summary>Devices whose trial or download went wrong: reverted + failed.</summary>
    public long Failures => (long)Reverted + Failed;

    /// <summary>Failures / outcomes, or null while there is no outcome.</summary>
    public double? FailureRate => Outcomes == 0 ? null : (double)Failures / Outcomes;
}
