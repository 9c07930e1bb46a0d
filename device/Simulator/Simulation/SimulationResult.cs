using SecureOta.Device.Core.Update;

namespace SecureOta.Device.Simulation;

/// <summary>What one simulator run did and cost, and where it left the device.</summary>
public sealed class SimulationResult
{
    internal SimulationResult(int boots, int polls, long requests, long bytesReceived, TimeSpan elapsed, UpdateReport? lastReport,
        int trialBoots, bool confirmed, bool reverted, DeviceStatus final, string? problem)
    {
        Boots = boots;
        Polls = polls;
        Requests = requests;
        BytesReceived = bytesReceived;
        Elapsed = elapsed;
        LastReport = lastReport;
        TrialBoots = trialBoots;
        Confirmed = confirmed;
        Reverted = reverted;
        Final = final;
        Problem = problem;
    }

    public int Boots { get; }

    public int Polls { get; }

    /// <summary>HTTPS requests the device sent.</summary>
    public long Requests { get; }

    /// <summary>Response body bytes the device received.</summary>
    public long BytesReceived { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>The last poll's report, or null when the run polled nothing.</summary>
    public UpdateReport? LastReport { get; }

    /// <summary>Boots of a trial image in this run.</summary>
    public int TrialBoots { get; }

    /// <summary>True when a trial image confirmed in this run.</summary>
    public bool Confirmed { get; }

    /// <summary>True when the loader reverted a trial image in this run.</summary>
    public bool Reverted { get; }

    /// <summary>The device's stored state after the run.</summary>
    public DeviceStatus Final { get; }

    /// <summary>Why the run stopped early (the device kept rebooting, it is not provisioned), or null.</summary>
    public string? Problem { get; }

    /// <summary>Success when the run ended normally and its last poll succeeded.</summary>
    public SimulatorExitCode ExitCode =>
        Problem is null && (LastReport is null || LastReport.Succeeded) ? SimulatorExitCode.Success : SimulatorExitCode.DeviceFailed;
}
