using System.Security.Cryptography;
using SecureOta.Build.Keys;
using SecureOta.Build.Publishing;
using SecureOta.Build.Releases;

namespace SecureOta.Build.Site;

/// <summary>
/// Publishes again the delta patches the live manifests list (docs/PROTOCOL.md section 11a.1: a patch a
/// channel's live manifest lists stays published in the next deploy), so that a device that read a manifest
/// just before a deploy still finds its patch instead of a 404 and a full download. A patch is made again
/// from releases/ exactly as <see cref="DeltaPatchWriter"/> made it (the diff and the encryption are
/// deterministic, the content key and iv derived), and kept only when its blob name is the one the live
/// manifest lists: anything else would be a blob no manifest names. It is dropped, with a note, when its
/// target or base release is no longer in releases/ or no longer has the image the manifest names.
/// </summary>
public static class KeptPatchWriter
{
    /// <summary>What became of one live patch.</summary>
    /// <param name="Live">The patch as the live manifest lists it.</param>
    /// <param name="Target">The release it builds, when it is still in releases/.</param>
    /// <param name="Delta">The patch made again, to publish; null when it is not kept or this deploy makes it anyway.</param>
    /// <param name="Dropped">Why it is not published again, or null.</param>
    /// <param name="Unexpected">True when the reason is a change a maintainer should look at (an image or the blob differs), not a removed release.</param>
    public sealed record Outcome(LivePatch Live, EncryptedRelease? Target, EncryptedDelta? Delta, string? Dropped, bool Unexpected);

    /// <param name="live">The patches the verified live manifests list (several channels may list the same one).</param>
    /// <param name="encrypted">This deploy's releases with the patches it makes.</param>
    /// <param name="readImage">Reads a release's image.</param>
    /// <param name="secrets">Derives each target's content key.</param>
    /// <param name="writer">Encrypts the patches.</param>
    public static IReadOnlyList<Outcome> Write(IReadOnlyList<LivePatch> live, IReadOnlyList<EncryptedRelease> encrypted, Func<Release, byte[]> readImage,
        ContentSecrets secrets, ChainedArtifactWriter writer)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(encrypted);
        ArgumentNullException.ThrowIfNull(readImage);
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(writer);
        var published = encrypted.SelectMany(e => e.Deltas).Select(d => d.Artifact.BlobName).ToHashSet(StringComparer.Ordinal);
        var outcomes = new List<Outcome>();
        foreach (var patch in live.DistinctBy(p => p.BlobName, StringComparer.Ordinal))
        {
            outcomes.Add(published.Contains(patch.BlobName)
                ? new Outcome(patch, Find(encrypted, patch.TargetVersion), null, null, false)
                : Remake(patch, encrypted, readImage, secrets, writer));
        }
        return outcomes;
    }

    private static EncryptedRelease? Find(IReadOnlyList<EncryptedRelease> encrypted, string version) =>
        encrypted.FirstOrDefault(e => string.Equals(e.Version, version, StringComparison.Ordinal));

    private static Outcome Remake(LivePatch patch, IReadOnlyList<EncryptedRelease> encrypted, Func<Release, byte[]> readImage, ContentSecrets secrets,
        ChainedArtifactWriter writer)
    {
        var target = Find(encrypted, patch.TargetVersion);
        var baseRelease = Find(encrypted, patch.BaseVersion);
        if (target is null) return Drop(patch, null, $"release {patch.TargetVersion} is no longer in releases/", unexpected: false);
        if (baseRelease is null) return Drop(patch, target, $"release {patch.BaseVersion} is no longer in releases/", unexpected: false);
        if (!target.Digests.ImageDigest.AsSpan().SequenceEqual(patch.TargetDigest))
            return Drop(patch, target, $"release {patch.TargetVersion}'s image is not the one the live manifest names", unexpected: true);
        if (!baseRelease.Digests.ImageDigest.AsSpan().SequenceEqual(patch.BaseDigest))
            return Drop(patch, target, $"release {patch.BaseVersion}'s image is not the base the live manifest names", unexpected: true);

        var contentKey = secrets.ContentKey(target.Version);
        try
        {
            var outcome = DeltaPatchWriter.Write(target, readImage(target.Release), [(baseRelease, readImage(baseRelease.Release))], contentKey, writer).Single();
            if (outcome.Delta is null) return Drop(patch, target, $"made again, it is left out: {outcome.Skipped}", unexpected: true);
            if (!string.Equals(outcome.Delta.Artifact.BlobName, patch.BlobName, StringComparison.Ordinal))
            {
                // Same releases, other bytes: the content secret or the diff changed since the live deploy.
                // Publishing it would help no device: the live manifest names the other blob.
                return Drop(patch, target,
                    $"made again it is blobs/{outcome.Delta.Artifact.BlobName}, but the live manifest lists blobs/{patch.BlobName} (was the content secret or the diff changed?)",
                    unexpected: true);
            }
            return new Outcome(patch, target, outcome.Delta, null, false);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(contentKey);
        }
    }

    private static Outcome Drop(LivePatch patch, EncryptedRelease? target, string reason, bool unexpected) => new(patch, target, null, reason, unexpected);
}
