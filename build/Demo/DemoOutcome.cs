using SecureOta.Device.Simulation;

namespace SecureOta.Build.Demo;

/// <summary>A scenario with the simulated device's result.</summary>
/// <param name="Scenario">What was run.</param>
/// <param name="Result">What the device did and where it ended.</param>
public sealed record DemoOutcome(DemoScenario Scenario, SimulationResult Result)
{
    /// <summary>Null when the device ended as the scenario requires, else why not.</summary>
    public string? Mismatch()
    {
        var final = Result.Final;
        if (Result.ExitCode != SimulatorExitCode.Success)
            return $"the device's run failed: {Result.Problem ?? Result.LastReport?.ToString() ?? "no poll"}";
        if (Scenario.ExpectConfirmed && !Result.Confirmed) return "the trial image was not confirmed";
        if (!Scenario.ExpectConfirmed && !Result.Reverted) return "the trial image was not reverted";
        if (final.ActiveApp?.Version != Scenario.ExpectedVersion)
            return $"the device runs {final.ActiveApp?.ToString() ?? "nothing"} instead of {Scenario.ExpectedVersion}";
        return null;
    }
}
