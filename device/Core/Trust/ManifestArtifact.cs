namespace SecureOta.Device.Core.Trust
{
    /// <summary>
    /// One artifact of a verified release (docs/PROTOCOL.md sections 6, 7 and 11a): where it is, its
    /// exact size and digests, and what the record chain reader needs to check and decrypt it. A
    /// <see cref="DeltaKind"/> artifact is a patch that turns one exact base image into the release image.
    /// </summary>
    public sealed class ManifestArtifact
    {
        /// <summary>Artifact kind of the full encrypted image.</summary>
        public const string FullKind = "full";

        /// <summary>Artifact kind of an encrypted delta patch (section 11a).</summary>
        public const string DeltaKind = "delta";

        internal ManifestArtifact(string kind, string path, int size, byte[] sha256, byte[] head, byte[] iv, int plainSize,
            byte[] baseDigest, string baseVersion)
        {
            Kind = kind;
            Path = path;
            Size = size;
            Sha256 = sha256;
            Head = head;
            Iv = iv;
            PlainSize = plainSize;
            BaseDigest = baseDigest;
            BaseVersion = baseVersion;
        }

        /// <summary>"full" or "delta" (the kinds this version knows; others are skipped when read).</summary>
        public string Kind { get; private set; }

        /// <summary>True for a delta patch.</summary>
        public bool IsDelta { get { return Kind == DeltaKind; } }

        /// <summary>"blobs/&lt;sha256 hex&gt;", relative to the OTA base URL; form already checked.</summary>
        public string Path { get; private set; }

        /// <summary>Exact byte length of the encrypted artifact; consistent with <see cref="PlainSize"/>.</summary>
        public int Size { get; private set; }

        /// <summary>SHA-256 of the artifact bytes (32 bytes); the blob name.</summary>
        public byte[] Sha256 { get; private set; }

        /// <summary>recordDigest of record 0 (32 bytes): where the hash chain starts.</summary>
        public byte[] Head { get; private set; }

        /// <summary>CBC IV of record 0 (16 bytes).</summary>
        public byte[] Iv { get; private set; }

        /// <summary>Decrypted length in bytes: the image for "full", the patch for "delta".</summary>
        public int PlainSize { get; private set; }

        /// <summary>For a delta: imageDigest of the base image it applies to (32 bytes); null for "full".</summary>
        public byte[] BaseDigest { get; private set; }

        /// <summary>For a delta: the base release's version (informational); null for "full".</summary>
        public string BaseVersion { get; private set; }
    }
}
