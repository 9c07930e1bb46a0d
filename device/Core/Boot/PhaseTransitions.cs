namespace SecureOta.Device.Core.Boot
{
    /// <summary>
    /// The one place that decides which <see cref="UpdatePhase"/> may follow which. Everything that
    /// changes a phase goes through <see cref="BootState.MoveTo"/>, which asks <see cref="IsAllowed"/>
    /// and refuses the rest, so no code path can, say, put a half-downloaded slot on trial.
    /// </summary>
    /// <remarks>
    /// Update path: Idle/Confirmed/Reverted -> ManifestFetched -> Verified -> Downloading -> Staged ->
    /// TrialPending, then at boot TrialPending -> Trial (once per attempt) -> Confirmed or Reverted.
    /// A poll that finds a newer manifest while a download is pending starts again at ManifestFetched;
    /// a release the device gives up on (outside the rollout, no key for it, the image that failed its
    /// trial here) returns to Idle.
    /// </remarks>
    public static class PhaseTransitions
    {
        /// <summary>True when a state in phase <paramref name="from"/> may move to <paramref name="to"/>.</summary>
        public static bool IsAllowed(UpdatePhase from, UpdatePhase to)
        {
            switch (from)
            {
                case UpdatePhase.Idle:
                case UpdatePhase.Confirmed:
                case UpdatePhase.Reverted:
                    return to == UpdatePhase.ManifestFetched;
                case UpdatePhase.ManifestFetched:
                    return to == UpdatePhase.Verified || to == UpdatePhase.Idle;
                case UpdatePhase.Verified:
                    return to == UpdatePhase.Downloading || to == UpdatePhase.Idle || to == UpdatePhase.ManifestFetched;
                case UpdatePhase.Downloading:
                    return to == UpdatePhase.Staged || to == UpdatePhase.ManifestFetched;
                case UpdatePhase.Staged:
                    return to == UpdatePhase.TrialPending;
                case UpdatePhase.TrialPending:
                    return to == UpdatePhase.Trial || to == UpdatePhase.Reverted;
                case UpdatePhase.Trial:
                    return to == UpdatePhase.Trial || to == UpdatePhase.Confirmed || to == UpdatePhase.Reverted;
                default:
                    return false;
            }
        }

        /// <summary>True for a value that names a phase; anything else read from flash is invalid.</summary>
        public static bool IsDefined(int value)
        {
            return value >= (int)UpdatePhase.Idle && value <= (int)UpdatePhase.Reverted;
        }

        /// <summary>The phase's name; spelled out because nanoFramework's Enum.ToString may print only the number.</summary>
        public static string Name(UpdatePhase phase)
        {
            switch (phase)
            {
                case UpdatePhase.Idle: return "Idle";
                case UpdatePhase.ManifestFetched: return "ManifestFetched";
                case UpdatePhase.Verified: return "Verified";
                case UpdatePhase.Downloading: return "Downloading";
                case UpdatePhase.Staged: return "Staged";
                case UpdatePhase.TrialPending: return "TrialPending";
                case UpdatePhase.Trial: return "Trial";
                case UpdatePhase.Confirmed: return "Confirmed";
                case UpdatePhase.Reverted: return "Reverted";
                default: return "Phase" + ((int)phase).ToString();
            }
        }
    }
}
