namespace SecureOta.Build.Gate;

/// <summary>
/// One decision of the rollout gate, logged and published in the gate record: which channel and
/// release, the step (published percent) before and after, the release the manifest targets after, the
/// devices counted, and why.
/// </summary>
public sealed record GateDecision(
    DateTimeOffset At,
    string Channel,
    string Release,
    GateVerdict Verdict,
    int StepBefore,
    int StepAfter,
    string TargetAfter,
    DeviceOutcomeCounts Devices,
    string Why)
{
    /// <summary>For the log: "stable 1.3.0: widen 10 % -> 50 % (12 outcomes: 12 confirmed, 0 reverted, 0 failed; failure rate 0 %): why".</summary>
    public string Describe()
    {
        var verdict = Verdict switch
        {
            GateVerdict.Widen => $"widen {StepBefore} % -> {StepAfter} %",
            GateVerdict.Halt => $"halt at {StepBefore} %, every device offered {TargetAfter}",
            _ => $"hold at {StepBefore} %",
        };
        var rate = Devices.FailureRate is { } r ? GateRule.Percent(r) : "n/a";
        return $"{Channel} {Release}: {verdict} ({Devices.Outcomes} outcomes: {Devices.Confirmed} confirmed, {Devices.Reverted} reverted, "
            + $"{Devices.Failed} failed; failure rate {rate}): {Why}";
    }
}
