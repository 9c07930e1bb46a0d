namespace SecureOta.Device.Core.Boot
{
    /// <summary>What the loader should do on this boot (<see cref="BootManager.Boot"/>).</summary>
    public enum BootOutcome
    {
        /// <summary>Run the active, confirmed image in <see cref="BootDecision.Slot"/>.</summary>
        RunConfirmed = 1,

        /// <summary>Run the trial image in <see cref="BootDecision.Slot"/>; the attempt is already counted. The app must call Confirm once healthy.</summary>
        RunTrial = 2,

        /// <summary>The trial ran out of attempts or failed its check and was reverted on this boot; run the active image in <see cref="BootDecision.Slot"/>.</summary>
        RunReverted = 3,

        /// <summary>Neither slot holds an image that passes its check. Run nothing; keep polling for an update.</summary>
        NoBootableImage = 4,

        /// <summary>No boot state and no factory state: the device was never provisioned.</summary>
        NotProvisioned = 5,
    }
}
