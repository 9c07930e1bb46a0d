namespace SecureOta.Device.Simulation;

/// <summary>The simulator command's exit codes, the same scheme as the build's.</summary>
public enum SimulatorExitCode
{
    /// <summary>Every poll the run ended with succeeded (up to date, a trial confirmed, or outside the rollout).</summary>
    Success = 0,

    /// <summary>The device ran, but its last poll failed (TLS refused, a rejected document, no key for the device, ...) or its storage failed.</summary>
    DeviceFailed = 1,

    /// <summary>Bad command line or a bad file named on it; nothing ran.</summary>
    InvalidCommandLine = 2,

    /// <summary>An unexpected exception: a defect in the simulator.</summary>
    UnexpectedError = 3,
}
