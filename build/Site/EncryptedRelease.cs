using SecureOta.Build.Publishing;
using SecureOta.Build.Releases;

namespace SecureOta.Build.Site;

/// <summary>
/// What the Encrypt task made of one release: the digests of its plain image and its encrypted,
/// hash-chained full artifact (the blob). Holds no key: the content key is derived again where needed.
/// </summary>
/// <param name="Release">The release.</param>
/// <param name="Digests">imageSize, imageDigest and SHA-256 of the plain image.</param>
/// <param name="Full">The encrypted full image, published as <c>blobs/&lt;sha256&gt;</c>.</param>
public sealed record EncryptedRelease(Release Release, ImageDigests Digests, EncryptedArtifact Full)
{
    /// <summary>The version as it appears in manifests and site paths.</summary>
    public string Version => Release.Version.ToString();
}
