namespace SecureOta.Device.Simulation;

/// <summary>
/// A failure the user can act on before the simulated device runs: an <see cref="Error"/>, what is wrong
/// (<see cref="Problem"/>) and what to do (<see cref="Remedy"/>). Anything else thrown is a defect.
/// </summary>
public sealed class SimulatorException : Exception
{
    public SimulatorException(SimulatorError error, string problem, string remedy, Exception? innerException = null)
        : base(problem + " " + remedy, innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(problem);
        ArgumentException.ThrowIfNullOrWhiteSpace(remedy);
        Error = error;
        Problem = problem;
        Remedy = remedy;
    }

    public SimulatorError Error { get; }

    /// <summary>What is wrong, in one sentence.</summary>
    public string Problem { get; }

    /// <summary>What to do about it.</summary>
    public string Remedy { get; }

    /// <summary>True when the command line or a file it names is at fault (exit code 2), false for the device's storage (exit code 1).</summary>
    public bool IsCommandLineError => Error != SimulatorError.StateFolderFailed;
}
