namespace SecureOta.Device.Core.Boot
{
    /// <summary>Where <see cref="BootStateStore.Load"/> found the state it returned.</summary>
    public enum BootStateSource
    {
        /// <summary>Nothing valid: no copy, no factory state. The device is not provisioned and must not boot an image.</summary>
        None = 0,

        /// <summary>state.0 was the newest valid copy.</summary>
        Copy0 = 1,

        /// <summary>state.1 was the newest valid copy.</summary>
        Copy1 = 2,

        /// <summary>Neither copy was valid: the write-once factory state (slot A confirmed, root v1).</summary>
        Factory = 3,
    }
}
