namespace SecureOta.Device.Simulation;

/// <summary>
/// The simulator command: parses the command line, opens the simulated device, runs it, and prints one
/// line per step and a closing summary. Errors the user can fix print as "error [Kind]: problem" and
/// "fix: remedy" on the error writer, with the exit codes of <see cref="SimulatorExitCode"/>.
/// </summary>
public static class SimulatorCommand
{
    /// <summary>Runs the command; relative paths are resolved against <paramref name="workingDirectory"/> (default: the current directory).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, string? workingDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (SimulatorArguments.IsHelp(args))
        {
            output.WriteLine(SimulatorUsage.Text);
            return (int)SimulatorExitCode.Success;
        }
        try
        {
            var settings = SimulatorArguments.Parse(args, workingDirectory ?? Environment.CurrentDirectory);
            output.WriteLine($"simulator: site {settings.SiteUrl}, channel {settings.Channel}, state {settings.StateDir}, app " +
                (settings.App == SimulatedAppBehaviour.NeverConfirms ? "never confirms" : "confirms after its health check") +
                $", {settings.MaxTrialBoots} trial boot(s)");
            using var device = SimulatedDevice.Open(settings, output.WriteLine);
            var result = device.Run();
            output.WriteLine($"summary: {result.Boots} boot(s), {result.Polls} poll(s), {result.Requests} request(s), {result.BytesReceived} bytes " +
                $"received in {result.Elapsed.TotalSeconds:0.00} s; " + result.Final);
            if (result.ExitCode != SimulatorExitCode.Success)
            {
                error.WriteLine("error [DeviceFailed]: " + (result.Problem ?? "the last poll failed: " + result.LastReport));
            }
            return (int)result.ExitCode;
        }
        catch (SimulatorException e)
        {
            error.WriteLine($"error [{e.Error}]: {e.Problem}");
            error.WriteLine($"  fix: {e.Remedy}");
            return (int)(e.IsCommandLineError ? SimulatorExitCode.InvalidCommandLine : SimulatorExitCode.DeviceFailed);
        }
        catch (Exception e)
        {
            error.WriteLine("unexpected error, a defect in the simulator: " + e);
            return (int)SimulatorExitCode.UnexpectedError;
        }
    }
}
