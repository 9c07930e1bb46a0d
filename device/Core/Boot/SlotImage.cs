using System;
using SecureOta.Device.Core.Artifacts;

namespace SecureOta.Device.Core.Boot
{
    /// <summary>
    /// What the boot state knows about the image in one slot: its length, the security version of the
    /// release it came from and its image digest (docs/PROTOCOL.md section 2.1). The boot manager checks
    /// a slot against this before running it, so a torn or foreign image is never started. Length 0
    /// means the slot holds no known image.
    /// </summary>
    public sealed class SlotImage
    {
        private readonly byte[] _digest = new byte[DigestKeys.DigestSize];

        /// <summary>Image length in bytes; 0 when the slot holds no known image.</summary>
        public long Length { get; private set; }

        /// <summary>Security version of the release the image belongs to.</summary>
        public long SecurityVersion { get; private set; }

        /// <summary>The signed image digest (32 bytes). Callers must not modify it.</summary>
        public byte[] Digest { get { return _digest; } }

        /// <summary>True when the slot holds a known image.</summary>
        public bool IsPresent { get { return Length > 0; } }

        /// <summary>Records an image: its length (at least 1), security version and 32-byte digest (copied).</summary>
        public void Set(long length, long securityVersion, byte[] digest)
        {
            if (digest == null) throw new ArgumentNullException("digest");
            if (digest.Length != DigestKeys.DigestSize) throw new ArgumentException("an image digest is 32 bytes", "digest");
            if (length < 1 || length > ArtifactLayout.MaxPlainSize) throw new ArgumentOutOfRangeException("length");
            if (securityVersion < 0) throw new ArgumentOutOfRangeException("securityVersion");
            Length = length;
            SecurityVersion = securityVersion;
            Array.Copy(digest, 0, _digest, 0, DigestKeys.DigestSize);
        }

        /// <summary>Forgets the image (the slot is being overwritten or failed its check).</summary>
        public void Clear()
        {
            Length = 0;
            SecurityVersion = 0;
            Array.Clear(_digest, 0, _digest.Length);
        }

        /// <summary>Copies another record into this one without allocating.</summary>
        public void CopyFrom(SlotImage other)
        {
            if (other == null) throw new ArgumentNullException("other");
            Length = other.Length;
            SecurityVersion = other.SecurityVersion;
            Array.Copy(other._digest, 0, _digest, 0, DigestKeys.DigestSize);
        }

        /// <summary>Sets the fields from decoded bytes; the codec has already range-checked them.</summary>
        internal void SetDecoded(long length, long securityVersion, byte[] source, int digestOffset)
        {
            Length = length;
            SecurityVersion = securityVersion;
            Array.Copy(source, digestOffset, _digest, 0, DigestKeys.DigestSize);
        }
    }
}
