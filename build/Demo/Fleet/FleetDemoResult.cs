namespace SecureOta.Build.Demo.Fleet;

/// <summary>What the fleet demo showed, for its summary, its checks and the tests.</summary>
/// <param name="Devices">Fleet size.</param>
/// <param name="BadRound">The poll round while the bad release was offered.</param>
/// <param name="AfterHalt">The poll round after the refresh that should have halted it.</param>
/// <param name="TargetAfterHalt">The release stable's manifest targeted after that refresh.</param>
/// <param name="ChannelsFileUntouched">True when the refresh changed no committed file (no tag, no commit).</param>
/// <param name="DevicesThatTriedBad">Devices that ever scheduled a trial of the bad release.</param>
/// <param name="FirstCohort">Devices that installed it in the first round (its 10 % cohort).</param>
/// <param name="DevicesOnGood">Devices running the good release at the end.</param>
/// <param name="Rounds">Every poll round.</param>
/// <param name="Decisions">The rollout gate's log lines, in order.</param>
/// <param name="Site">Where the last site built was copied (its rollout/gate.json and index.html show the decisions).</param>
public sealed record FleetDemoResult(
    int Devices,
    FleetRoundResult BadRound,
    FleetRoundResult AfterHalt,
    string TargetAfterHalt,
    bool ChannelsFileUntouched,
    int DevicesThatTriedBad,
    int FirstCohort,
    int DevicesOnGood,
    IReadOnlyList<FleetRoundResult> Rounds,
    IReadOnlyList<string> Decisions,
    string Site)
{
    public bool Halted => TargetAfterHalt == FleetDemoWorkspace.Base && Decisions.Any(d => d.Contains($"stable {FleetDemoWorkspace.Bad}: halt", StringComparison.Ordinal));

    public IReadOnlyList<string> Widenings => Decisions.Where(d => d.Contains($"stable {FleetDemoWorkspace.Good}: widen", StringComparison.Ordinal)).ToList();
}
