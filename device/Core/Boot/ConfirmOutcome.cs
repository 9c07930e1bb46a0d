namespace SecureOta.Device.Core.Boot
{
    /// <summary>What <see cref="BootManager.Confirm"/> did.</summary>
    public enum ConfirmOutcome
    {
        /// <summary>The trial image is now the active, confirmed image and its security version is installed.</summary>
        Confirmed = 1,

        /// <summary>No trial is running (the image is already confirmed, or the trial has not booted yet); nothing changed.</summary>
        NothingToConfirm = 2,

        /// <summary>The device has no boot state.</summary>
        NotProvisioned = 3,

        /// <summary>The confirmation could not be written; the trial continues and may still be reverted. Try again.</summary>
        StorageFailed = 4,
    }
}
