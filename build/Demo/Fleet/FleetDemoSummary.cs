using SecureOta.Build.Frosting;

namespace SecureOta.Build.Demo.Fleet;

/// <summary>Prints what the fleet demo showed and fails the target when the story did not happen: the halt without a tag, no further device on the bad release, the good release widening to the whole fleet.</summary>
internal static class FleetDemoSummary
{
    public static void Print(BuildLog log, FleetDemoResult result)
    {
        log.Information("");
        log.Information("Fleet demo summary ({0} devices):", result.Devices);
        log.Information("  {0} {1}: {2} of the 10 % cohort installed it, {3} reverted it (hardware revision B), {4} confirmed.",
            result.Halted ? "HALTED" : "NOT HALTED", FleetDemoWorkspace.Bad, result.FirstCohort, result.BadRound.Reverted.Count, result.BadRound.Confirmed.Count);
        log.Information("  The refresh pointed stable at {0} without a tag (channels.json {1}); after it {2} more device(s) started {3} ({4} in all), and {5} went back to {0}.",
            result.TargetAfterHalt, result.ChannelsFileUntouched ? "unchanged" : "CHANGED", result.DevicesThatTriedBad - result.FirstCohort, FleetDemoWorkspace.Bad, result.DevicesThatTriedBad, result.AfterHalt.Installed.Count);
        log.Information("  {0} widened {1} time(s): {2}; {3} of {4} devices run it.", FleetDemoWorkspace.Good, result.Widenings.Count,
            string.Join("; ", result.Widenings.Select(w => w[(w.IndexOf("widen", StringComparison.Ordinal))..w.IndexOf(" (", StringComparison.Ordinal)])), result.DevicesOnGood, result.Devices);
        log.Information("  The dashboard with the decisions: {0}/index.html#rollouts (record: rollout/gate.json).", result.Site);

        var problems = new List<string>();
        if (result.FirstCohort == 0) problems.Add($"no device installed {FleetDemoWorkspace.Bad} in its first round");
        if (!result.Halted) problems.Add($"the gate did not halt {FleetDemoWorkspace.Bad} (stable targets {result.TargetAfterHalt})");
        if (!result.ChannelsFileUntouched) problems.Add("the refresh changed channels.json");
        if (result.DevicesThatTriedBad > result.FirstCohort) problems.Add($"devices outside the first cohort started {FleetDemoWorkspace.Bad}");
        if (result.Widenings.Count < 2) problems.Add($"{FleetDemoWorkspace.Good} widened {result.Widenings.Count} time(s), not step by step");
        if (result.DevicesOnGood != result.Devices) problems.Add($"{result.Devices - result.DevicesOnGood} device(s) do not run {FleetDemoWorkspace.Good} at the end");
        if (problems.Count > 0)
        {
            throw new BuildException(BuildErrorCode.DemoFailed, "The fleet demo did not end as it should: " + string.Join("; ", problems) + ".",
                "Read the rounds and the gate's decisions above; the pieces are the real build, collector and device core, so this is a defect.");
        }
    }
}
