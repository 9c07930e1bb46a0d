using System;
using SecureOta.Device.Core.Crypto;

namespace SecureOta.Device.Core.Trust
{
    /// <summary>
    /// The release a verified channel manifest points at (docs/PROTOCOL.md section 6): the image's
    /// signed size and digests, the key check, where the wrapped keys live, the full artifact and the
    /// delta patches from earlier images (section 11a), each for one distinct base image.
    /// </summary>
    public sealed class ReleaseTarget
    {
        private readonly ManifestArtifact[] _deltas;

        internal ReleaseTarget(string version, long securityVersion, int imageSize, byte[] imageDigest, byte[] imageSha256,
            byte[] keyCheck, string keysPath, ManifestArtifact fullArtifact, ManifestArtifact[] deltas, byte[] approval)
        {
            Approval = approval;
            Version = version;
            SecurityVersion = securityVersion;
            ImageSize = imageSize;
            ImageDigest = imageDigest;
            ImageSha256 = imageSha256;
            KeyCheck = keyCheck;
            KeysPath = keysPath;
            FullArtifact = fullArtifact;
            _deltas = deltas;
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

        /// <summary>
        /// The bytes of the release's approval envelope (signed offline by the root's approval role), not yet
        /// verified: <see cref="ReleaseApprovalVerifier"/> checks it before anything is downloaded.
        /// </summary>
        public byte[] Approval { get; private set; }

        /// <summary>The one artifact of kind "full".</summary>
        public ManifestArtifact FullArtifact { get; private set; }

        /// <summary>Number of delta patches listed (0 to 7).</summary>
        public int DeltaCount { get { return _deltas.Length; } }

        /// <summary>Delta patch number <paramref name="index"/>, in manifest order.</summary>
        public ManifestArtifact GetDelta(int index)
        {
            return _deltas[index];
        }

        /// <summary>
        /// The delta whose baseDigest equals <paramref name="runningImageDigest"/> (32 bytes), compared in
        /// constant time, or null when none applies to that image. Base digests are unique in a manifest.
        /// </summary>
        public ManifestArtifact FindDelta(byte[] runningImageDigest)
        {
            if (runningImageDigest == null) throw new ArgumentNullException("runningImageDigest");
            if (runningImageDigest.Length != 32) throw new ArgumentException("an image digest is 32 bytes", "runningImageDigest");
            ManifestArtifact found = null;
            for (int i = 0; i < _deltas.Length; i++)
            {
                if (ConstantTime.AreEqual(_deltas[i].BaseDigest, runningImageDigest) && found == null) found = _deltas[i];
            }
            return found;
        }

        /// <summary>Path of the wrapped content key for a recipient id (64 hex).</summary>
        public string WrappedKeyPath(string recipientId)
        {
            return KeysPath + recipientId;
        }
    }
}
