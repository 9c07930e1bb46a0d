namespace SecureOta.Device.Core.Platform
{
    /// <summary>Restarts the device (Power.RebootDevice on nanoFramework; the simulator starts a new boot).</summary>
    public interface IRebooter
    {
        void Reboot();
    }
}
