namespace SecureOta.Device.Core.Trust
{
    /// <summary>The result of <see cref="ChannelManifestVerifier"/>: the outcome and the manifest it is about.</summary>
    public sealed class VerifiedManifest
    {
        internal VerifiedManifest(ManifestOutcome outcome, ChannelManifest manifest)
        {
            Outcome = outcome;
            Manifest = manifest;
        }

        public ManifestOutcome Outcome { get; private set; }

        /// <summary>
        /// The manifest. For <see cref="ManifestOutcome.NothingNew"/> only C1-C7 ran (its expiry and
        /// security version were not checked), so a device must not act on it.
        /// </summary>
        public ChannelManifest Manifest { get; private set; }
    }
}
