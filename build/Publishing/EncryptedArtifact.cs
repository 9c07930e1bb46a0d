namespace SecureOta.Build.Publishing;

/// <summary>
/// An encrypted, hash-chained artifact (docs/PROTOCOL.md section 7) and the values a channel manifest
/// publishes about it. The arrays are owned by this object; do not modify them.
/// </summary>
/// <param name="Bytes">The artifact: record 0 || record 1 || ... || record n-1.</param>
/// <param name="Head">recordDigest(record 0), 32 bytes.</param>
/// <param name="Sha256">SHA-256 of <paramref name="Bytes"/>, 32 bytes: the blob name.</param>
/// <param name="Iv">The CBC IV of record 0, 16 bytes.</param>
/// <param name="PlainSize">Length of the plain bytes the artifact carries.</param>
public sealed record EncryptedArtifact(byte[] Bytes, byte[] Head, byte[] Sha256, byte[] Iv, int PlainSize)
{
    /// <summary>Exact byte length of the artifact (the manifest's <c>size</c>).</summary>
    public int Size => Bytes.Length;

    /// <summary>Lowercase hex of <see cref="Sha256"/>: the file name under <c>blobs/</c>.</summary>
    public string BlobName => Convert.ToHexStringLower(Sha256);

    /// <summary>The manifest's <c>path</c>: <c>blobs/</c> followed by the blob name.</summary>
    public string Path => "blobs/" + BlobName;
}
