namespace SecureOta.Device.Core.Boot
{
    /// <summary>
    /// One of the two application slots. The values are stored in the boot state, so they are fixed;
    /// any other value read from flash makes that copy of the state invalid.
    /// </summary>
    public enum SlotId
    {
        /// <summary>No slot (no trial image, no download in progress).</summary>
        None = 0,

        A = 1,

        B = 2,
    }
}
