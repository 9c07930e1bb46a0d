using SecureOta.Device.Core.Platform;

namespace SecureOta.Tests.DeviceClient.Support;

/// <summary>Counts reboot requests; the test then "reboots" by building new objects over the same flash.</summary>
public sealed class RecordingRebooter : IRebooter
{
    public int Reboots { get; private set; }

    public void Reboot() => Reboots++;
}
