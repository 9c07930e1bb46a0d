namespace SecureOta.Device.Core.Boot
{
    /// <summary>What <see cref="DeviceProvisioner.Provision"/> did.</summary>
    public enum ProvisionOutcome
    {
        /// <summary>root.1.json, slot A and state.factory were written.</summary>
        Provisioned = 1,

        /// <summary>state.factory already exists; nothing was written (it is write-once).</summary>
        AlreadyProvisioned = 2,

        /// <summary>The root envelope does not verify as root version 1.</summary>
        RootInvalid = 3,

        /// <summary>The image is empty or larger than a slot.</summary>
        ImageInvalid = 4,
    }
}
