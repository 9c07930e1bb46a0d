namespace SecureOta.Device.Core.Trust
{
    /// <summary>
    /// The release a verified channel manifest points at (docs/PROTOCOL.md section 6): the image's
    /// signed size and digests, the key check, where the wrapped keys live and the full artifact.
    /// </summary>
    public sealed class ReleaseTarget
    {
        internal ReleaseTarget(string version, long securityVersion, int imageSize, byte[] imageDigest, byte[] imageSha256,
            byte[] keyCheck, string keysPath, ManifestArtifact fullArtifact)
        {
            Version = version;
            SecurityVersion = securityVersion;
            ImageSize = imageSize;
            ImageDigest = imageDigest;
            ImageSha256 = imageSha256;
            KeyCheck = keyCheck;
            KeysPath = keysPath;
            FullArtifact = fullArtifact;
        }

        /// <summary>SemVer 2.0 version string; informational, never used for ordering.</summary>
        public string Version { get; private set; }

        /// <summary>0 to 4294967295; a device refuses a release below the one it runs.</summary>
        public long SecurityVersion { get; private set; }

        /// <summary>Plain image length, 1 to 16 MiB; a device also caps it by its slot size.</summary>
        public int ImageSize { get; private set; }

        /// <summary>imageDigest of the plain image (32 bytes, section 2.1).</summary>
        public byte[] ImageDigest { get; private set; }

        /// <summary>SHA-256 of the plain image (32 bytes), for people and tools.</summary>
        public byte[] ImageSha256 { get; private set; }

        /// <summary>HMAC(contentKey, "SecureOta/v1/key-check")[0..16).</summary>
        public byte[] KeyCheck { get; private set; }

        /// <summary>"keys/&lt;version&gt;/"; the wrapped key of a recipient is at KeysPath + recipient id.</summary>
        public string KeysPath { get; private set; }

        /// <summary>The one artifact of kind "full".</summary>
        public ManifestArtifact FullArtifact { get; private set; }

        /// <summary>Path of the wrapped content key for a recipient id (64 hex).</summary>
        public string WrappedKeyPath(string recipientId)
        {
            return KeysPath + recipientId;
        }
    }
}
