namespace SecureOta.Device.Simulation;

/// <summary>How the simulated application behaves when it is booted on trial.</summary>
public enum SimulatedAppBehaviour
{
    /// <summary>Runs its health check, which passes, and confirms the trial image (BootManager.Confirm).</summary>
    ConfirmsAfterHealthCheck = 1,

    /// <summary>Never confirms (its health check fails): the watchdog resets the device until the loader reverts the trial.</summary>
    NeverConfirms = 2,
}
