namespace SecureOta.Device.Core.Trust
{
    /// <summary>What a verified channel manifest means for the device (step C7).</summary>
    public enum ManifestOutcome
    {
        /// <summary>The sequence is higher than the highest accepted and every check passed: proceed to the key and artifact.</summary>
        NewRelease = 1,

        /// <summary>The sequence equals the highest accepted: the device already has this manifest; stop without error.</summary>
        NothingNew = 2,
    }
}
