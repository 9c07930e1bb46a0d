using SecureOta.Device.Core.Boot;

namespace SecureOta.Device.Simulation;

/// <summary>The simulated device's stored state at the end of a run, as its flash holds it.</summary>
public sealed class DeviceStatus
{
    public DeviceStatus(UpdatePhase phase, SlotId activeSlot, InstalledApp? activeApp, long installedSecurityVersion, long highestSequence,
        long trustedRootVersion)
    {
        Phase = phase;
        ActiveSlot = activeSlot;
        ActiveApp = activeApp;
        InstalledSecurityVersion = installedSecurityVersion;
        HighestSequence = highestSequence;
        TrustedRootVersion = trustedRootVersion;
    }

    public UpdatePhase Phase { get; }

    public SlotId ActiveSlot { get; }

    /// <summary>The confirmed image in the active slot, or null when the slot holds none.</summary>
    public InstalledApp? ActiveApp { get; }

    /// <summary>The security version no update may go below (C9).</summary>
    public long InstalledSecurityVersion { get; }

    /// <summary>The highest channel manifest sequence accepted (C7).</summary>
    public long HighestSequence { get; }

    public long TrustedRootVersion { get; }

    public override string ToString() =>
        $"slot {ActiveSlot} runs {ActiveApp?.ToString() ?? "nothing"}; phase {PhaseTransitions.Name(Phase)}, installed security version " +
        $"{InstalledSecurityVersion}, trusted root v{TrustedRootVersion}";
}
