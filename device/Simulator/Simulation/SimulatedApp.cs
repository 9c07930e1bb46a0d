using SecureOta.Device.Core.Boot;

namespace SecureOta.Device.Simulation;

/// <summary>
/// The application the loader starts. A confirmed image just runs. A trial image runs its health check:
/// with <see cref="SimulatedAppBehaviour.ConfirmsAfterHealthCheck"/> it passes and the app calls
/// <see cref="BootManager.Confirm"/>; with <see cref="SimulatedAppBehaviour.NeverConfirms"/> it fails, the
/// app never confirms and hangs, and the watchdog resets the device, so the loader counts another
/// trial boot until it reverts.
/// </summary>
internal sealed class SimulatedApp
{
    private readonly SimulatedAppBehaviour _behaviour;
    private readonly BootManager _boot;
    private readonly Action<string> _say;

    public SimulatedApp(SimulatedAppBehaviour behaviour, BootManager boot, Action<string> say)
    {
        _behaviour = behaviour;
        _boot = boot;
        _say = say;
    }

    /// <summary>Runs the app of this boot. True when it keeps running (and polls); false when the watchdog resets the device.</summary>
    public bool Run(BootDecision decision, InstalledApp app, out bool confirmed)
    {
        confirmed = false;
        if (decision.Outcome != BootOutcome.RunTrial)
        {
            _say($"app: {app.Name} running");
            return true;
        }
        if (_behaviour == SimulatedAppBehaviour.NeverConfirms)
        {
            _say($"app: {app.Name} fails its health check and never confirms; the watchdog resets the device");
            return false;
        }
        var outcome = _boot.Confirm();
        switch (outcome)
        {
            case ConfirmOutcome.Confirmed:
                confirmed = true;
                _say($"app: {app.Name} health check passed; confirmed: slot {app.Slot} is now the active image and security version " +
                    $"{_boot.State.InstalledSecurityVersion} is installed");
                return true;
            case ConfirmOutcome.StorageFailed:
                _say($"app: {app.Name} health check passed, but the confirmation could not be stored; the image stays on trial and may be reverted");
                return true;
            default:
                _say($"app: {app.Name} health check passed; nothing to confirm ({outcome})");
                return true;
        }
    }
}
