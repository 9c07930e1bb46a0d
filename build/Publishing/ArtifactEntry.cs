namespace SecureOta.Build.Publishing;

/// <summary>
/// One entry of <c>release.artifacts</c> (docs/PROTOCOL.md sections 6 and 11a). The <c>path</c> member is
/// derived from <see cref="Sha256"/> by the writer, so it cannot disagree with the blob name.
/// </summary>
/// <param name="Kind"><c>full</c> for the encrypted image, <c>delta</c> for a patch; later kinds are [a-z0-9-]+.</param>
/// <param name="Size">Exact artifact length; must be the section 7 size for <paramref name="PlainSize"/>.</param>
/// <param name="Sha256">SHA-256 of the artifact bytes, 32 bytes.</param>
/// <param name="Head">recordDigest of record 0, 32 bytes.</param>
/// <param name="Iv">CBC IV of record 0, 16 bytes.</param>
/// <param name="PlainSize">Decrypted length (the patch length for a delta).</param>
/// <param name="BaseDigest">For a delta: imageDigest of the base image the patch applies to, 32 bytes; null otherwise.</param>
/// <param name="BaseVersion">For a delta: the base release's version; null otherwise.</param>
public sealed record ArtifactEntry(string Kind, int Size, byte[] Sha256, byte[] Head, byte[] Iv, int PlainSize,
    byte[]? BaseDigest = null, string? BaseVersion = null)
{
    /// <summary>The kind of the encrypted full image.</summary>
    public const string FullKind = "full";

    /// <summary>The kind of an encrypted delta patch.</summary>
    public const string DeltaKind = "delta";

    /// <summary>The entry describing <paramref name="artifact"/> as <paramref name="kind"/>.</summary>
    public static ArtifactEntry From(EncryptedArtifact artifact, string kind = FullKind)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        return new ArtifactEntry(kind, artifact.Size, artifact.Sha256, artifact.Head, artifact.Iv, artifact.PlainSize);
    }

    /// <summary>The entry of a delta patch <paramref name="artifact"/> from the base image with <paramref name="baseDigest"/>.</summary>
    public static ArtifactEntry Delta(EncryptedArtifact artifact, byte[] baseDigest, string baseVersion)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        ArgumentNullException.ThrowIfNull(baseDigest);
        ArgumentNullException.ThrowIfNull(baseVersion);
        return new ArtifactEntry(DeltaKind, artifact.Size, artifact.Sha256, artifact.Head, artifact.Iv, artifact.PlainSize, baseDigest, baseVersion);
    }
}
