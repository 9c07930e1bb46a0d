namespace SecureOta.Device.Core.Trust
{
    /// <summary>
    /// What a release approval signs (docs/PROTOCOL.md section 6a): the product, version, security
    /// version, image size and both image digests. Created only by <see cref="ApprovalPayloadReader"/>.
    /// </summary>
    public sealed class ReleaseIdentity
    {
        internal ReleaseIdentity(string product, string version, long securityVersion, long imageSize, byte[] imageDigest, byte[] imageSha256)
        {
            Product = product;
            Version = version;
            SecurityVersion = securityVersion;
            ImageSize = imageSize;
            ImageDigest = imageDigest;
            ImageSha256 = imageSha256;
        }

        public string Product { get; private set; }

        public string Version { get; private set; }

        public long SecurityVersion { get; private set; }

        public long ImageSize { get; private set; }

        /// <summary>imageDigest of the plain image (section 2.1): what the device checks every byte against.</summary>
        public byte[] ImageDigest { get; private set; }

        /// <summary>SHA-256 of the plain image: what a maintainer computes with standard tools when approving.</summary>
        public byte[] ImageSha256 { get; private set; }
    }
}
