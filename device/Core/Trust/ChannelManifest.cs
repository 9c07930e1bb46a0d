namespace SecureOta.Device.Core.Trust
{
    /// <summary>
    /// A channel manifest whose signatures and members have been checked (docs/PROTOCOL.md
    /// section 6). Only <see cref="ChannelManifestVerifier"/> creates one.
    /// </summary>
    public sealed class ChannelManifest
    {
        internal ChannelManifest(string product, string channel, long sequence, long issued, long expires, ReleaseTarget release, RolloutPolicy rollout)
        {
            Product = product;
            Channel = channel;
            Sequence = sequence;
            Issued = issued;
            Expires = expires;
            Release = release;
            Rollout = rollout;
        }

        /// <summary>The product id, equal to the trusted root's (C6).</summary>
        public string Product { get; private set; }

        /// <summary>The channel name, equal to the device's.</summary>
        public string Channel { get; private set; }

        /// <summary>Grows with every deploy; the device stores the highest it accepted.</summary>
        public long Sequence { get; private set; }

        /// <summary>Unix time of signing; the device stores it as its clock floor (<see cref="DeviceClock"/>).</summary>
        public long Issued { get; private set; }

        /// <summary>Unix time after which the manifest is refused (freeze defence).</summary>
        public long Expires { get; private set; }

        public ReleaseTarget Release { get; private set; }

        public RolloutPolicy Rollout { get; private set; }
    }
}
