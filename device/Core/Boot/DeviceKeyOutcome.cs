namespace SecureOta.Device.Core.Boot
{
    /// <summary>What <see cref="DeviceKeyStore.LoadOrCreate"/> found.</summary>
    public enum DeviceKeyOutcome
    {
        /// <summary>The stored key was loaded.</summary>
        Loaded = 1,

        /// <summary>No key was stored (first boot): a new one was generated and stored. Register its public key.</summary>
        Created = 2,

        /// <summary>The stored key was damaged and a new one replaced it: the device has a new identity. Register it again.</summary>
        Replaced = 3,
    }
}
