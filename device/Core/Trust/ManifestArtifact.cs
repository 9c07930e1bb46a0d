namespace SecureOta.Device.Core.Trust
{
    /// <summary>
    /// One artifact of a verified release (docs/PROTOCOL.md sections 6 and 7): where it is, its exact
    /// size and digests, and what the record chain reader needs to check and decrypt it.
    /// </summary>
    public sealed class ManifestArtifact
    {
        /// <summary>Artifact kind of the full encrypted image.</summary>
        public const string FullKind = "full";

        internal ManifestArtifact(string kind, string path, int size, byte[] sha256, byte[] head, byte[] iv, int plainSize)
        {
            Kind = kind;
            Path = path;
            Size = size;
            Sha256 = sha256;
            Head = head;
            Iv = iv;
            PlainSize = plainSize;
        }

        /// <summary>"full" (the only kind this version knows).</summary>
        public string Kind { get; private set; }

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

        /// <summary>Decrypted length in bytes.</summary>
        public int PlainSize { get; private set; }
    }
}
