using SecureOta.Build.Publishing;
using SecureOta.Build.Releases;

namespace SecureOta.Build.Site;

/// <summary>
/// What the Encrypt task made of one release: the digests of its plain image, its encrypted,
/// hash-chained full artifact (the blob), and the delta patches to it from earlier releases when it is a
/// channel's target. Holds no key: the content key is derived again where needed.
/// </summary>
/// <param name="Release">The release.</param>
/// <param name="Digests">imageSize, imageDigest and SHA-256 of the plain image.</param>
/// <param name="Full">The encrypted full image, published as <c>blobs/&lt;sha256&gt;</c>.</param>
/// <param name="Deltas">Encrypted patches to this release, newest base first (empty when it is no channel's target).</param>
public sealed record EncryptedRelease(Release Release, ImageDigests Digests, EncryptedArtifact Full, IReadOnlyList<EncryptedDelta> Deltas)
{
    /// <summary>The version as it appears in manifests and site paths.</summary>
    public string Version => Release.Version.ToString();

    /// <summary>
    /// Patches to this release that a live manifest lists and this deploy does not make, published again
    /// but listed by no new manifest (<see cref="KeptPatchWriter"/>, docs/PROTOCOL.md section 11a.1).
    /// </summary>
    public IReadOnlyList<EncryptedDelta> KeptDeltas { get; init; } = [];
}
