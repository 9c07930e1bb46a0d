namespace SecureOta.Device.Core.Boot
{
    /// <summary>
    /// Where the device stands in an update. The set is closed and the values are stored in the boot
    /// state, so they are fixed; an unknown value on flash makes that copy invalid. Which phase may
    /// follow which is decided in one place only: <see cref="PhaseTransitions"/>.
    /// </summary>
    public enum UpdatePhase
    {
        /// <summary>Running a confirmed image, nothing in progress (the provisioned state).</summary>
        Idle = 1,

        /// <summary>A channel manifest arrived in this poll and is about to be verified (never stored).</summary>
        ManifestFetched = 2,

        /// <summary>A new release verified and the device is in its rollout; its sequence is stored, the download has not begun.</summary>
        Verified = 3,

        /// <summary>Records are being written to the inactive slot; the resume point is stored every few records.</summary>
        Downloading = 4,

        /// <summary>Every record verified and written and the slot read back with the signed image digest (never stored).</summary>
        Staged = 5,

        /// <summary>The staged slot will be tried on the next boot.</summary>
        TrialPending = 6,

        /// <summary>The trial slot is running; it must confirm before its boot attempts run out.</summary>
        Trial = 7,

        /// <summary>The trial image confirmed and is now the active, confirmed image.</summary>
        Confirmed = 8,

        /// <summary>The trial image did not confirm (or failed its check) and the device went back to the active image.</summary>
        Reverted = 9,
    }
}
