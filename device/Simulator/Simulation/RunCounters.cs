using SecureOta.Device.Core.Update;

namespace SecureOta.Device.Simulation;

/// <summary>What one <see cref="SimulatedDevice.Run"/> has done so far.</summary>
internal sealed class RunCounters
{
    public int Boots { get; set; }

    public int Polls { get; set; }

    public int TrialBoots { get; set; }

    public bool Confirmed { get; set; }

    public bool Reverted { get; set; }

    /// <summary>The last poll's report, or null before the first.</summary>
    public UpdateReport? Last { get; set; }

    /// <summary>True when the last poll asked for a reboot (a trial was scheduled).</summary>
    public bool LastRebooted { get; set; }
}
