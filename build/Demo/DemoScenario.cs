using SecureOta.Device.Simulation;

namespace SecureOta.Build.Demo;

/// <summary>One run of the simulated device in the Demo: what it shows, how its app behaves, and what it must end with.</summary>
/// <param name="Name">Short name for the summary ("update", "revert").</param>
/// <param name="Title">The heading printed before the run.</param>
/// <param name="App">How the simulated app behaves on its trial boot.</param>
/// <param name="ExpectedVersion">The version the device must run at the end.</param>
/// <param name="ExpectConfirmed">True when the trial must confirm; false when it must be reverted.</param>
/// <param name="ExpectDelta">True when the new image must be built from a delta patch (the site publishes one from the device's image).</param>
/// <param name="MirrorLosesKeyOnce">True when the server answers 404 to the device's wrapped key once (a mirror that heals).</param>
/// <param name="Polls">Polls the device runs; null until it is settled.</param>
public sealed record DemoScenario(string Name, string Title, SimulatedAppBehaviour App, string ExpectedVersion, bool ExpectConfirmed, bool ExpectDelta,
    bool MirrorLosesKeyOnce = false, int? Polls = null);
