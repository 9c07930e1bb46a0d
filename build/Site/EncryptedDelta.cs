using SecureOta.Build.Publishing;
using SecureOta.Build.Releases;

namespace SecureOta.Build.Site;

/// <summary>
/// A delta patch (docs/PROTOCOL.md section 11a) from an earlier release's image to a release's image,
/// encrypted and hash-chained under the newer release's content key, published as <c>blobs/&lt;sha256&gt;</c>.
/// </summary>
/// <param name="Base">The release whose image the patch applies to.</param>
/// <param name="BaseDigest">imageDigest of the base image (section 2.1), 32 bytes: the manifest's <c>baseDigest</c>.</param>
/// <param name="Artifact">The encrypted patch; its plain size is the patch length.</param>
public sealed record EncryptedDelta(Release Base, byte[] BaseDigest, EncryptedArtifact Artifact)
{
    /// <summary>The base version as it appears in the manifest (<c>baseVersion</c>).</summary>
    public string BaseVersion => Base.Version.ToString();

    /// <summary>The manifest entry of kind <c>delta</c>.</summary>
    public ArtifactEntry ToEntry() => ArtifactEntry.Delta(Artifact, BaseDigest, BaseVersion);
}
