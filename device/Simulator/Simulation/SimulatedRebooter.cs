using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Simulation;

/// <summary>
/// The simulated device's <see cref="IRebooter"/>: a reboot cannot restart this process, so it is
/// recorded and the simulator's boot loop starts the next boot (new RAM: a new update client and the
/// provisioned TLS pins) as soon as the caller returns.
/// </summary>
public sealed class SimulatedRebooter : IRebooter
{
    /// <summary>True once a reboot was asked for since <see cref="Clear"/>.</summary>
    public bool Requested { get; private set; }

    /// <summary>Reboots asked for in this run.</summary>
    public int Count { get; private set; }

    public void Reboot()
    {
        Requested = true;
        Count++;
    }

    /// <summary>Called at every boot.</summary>
    public void Clear() => Requested = false;
}
