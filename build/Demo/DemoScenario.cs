using SecureOta.Device.Simulation;

namespace SecureOta.Build.Demo;

/// <summary>One run of the simulated device in the Demo: what it shows, how its app behaves, and what it must end with.</summary>
/// <param name="Name">Short name for the summary ("update", "revert").</param>
/// <param name="Title">The heading printed before the run.</param>
/// <param name="App">How the simulated app behaves on its trial boot.</param>
/// <param name="ExpectedVersion">The version the device must run at the end.</param>
/// <param name="ExpectConfirmed">True when the trial must confirm; false when it must be reverted.</param>
public sealed record DemoScenario(string Name, string Title, SimulatedAppBehaviour App, string ExpectedVersion, bool ExpectConfirmed);
