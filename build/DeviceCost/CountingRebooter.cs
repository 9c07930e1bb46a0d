using SecureOta.Device.Core.Platform;

namespace SecureOta.Build.DeviceCost;

/// <summary>Records reboot requests instead of rebooting: the scenario "reboots" by booting again.</summary>
internal sealed class CountingRebooter : IRebooter
{
    public int Reboots { get; private set; }

    public void Reboot() => Reboots++;
}
