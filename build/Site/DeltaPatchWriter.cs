using SecureOta.Build.Delta;
using SecureOta.Build.Publishing;
using SecureOta.Device.Core.Artifacts;

namespace SecureOta.Build.Site;

/// <summary>
/// Makes and encrypts the delta patches to one release (docs/PROTOCOL.md section 11a): each patch is
/// <see cref="DeltaDiff.Create"/>'s plain patch, encrypted and hash-chained under the release's content
/// key with its iv derived from the patch bytes (section 10), so the same inputs give the same blobs.
/// A patch whose artifact is not smaller than the full artifact is left out (a device would only lose
/// by it), and so is a base whose image is the release's own (a device running it is already up to date).
/// </summary>
public static class DeltaPatchWriter
{
    /// <summary>One base image and what became of its patch, for the log.</summary>
    public sealed record Outcome(EncryptedRelease Base, EncryptedDelta? Delta, int PatchSize, string? Skipped);

    public static IReadOnlyList<Outcome> Write(EncryptedRelease target, byte[] targetImage, IReadOnlyList<(EncryptedRelease Base, byte[] Image)> bases,
        byte[] contentKey, ChainedArtifactWriter writer)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(targetImage);
        ArgumentNullException.ThrowIfNull(bases);
        ArgumentNullException.ThrowIfNull(writer);
        var outcomes = new List<Outcome>();
        foreach (var (baseRelease, baseImage) in bases)
        {
            if (baseRelease.Digests.ImageDigest.AsSpan().SequenceEqual(target.Digests.ImageDigest))
            {
                outcomes.Add(new Outcome(baseRelease, null, 0, "its image is the same as the release's"));
                continue;
            }
            byte[] patch = DeltaDiff.Create(baseImage, targetImage);
            int shipped = ArtifactLayout.ArtifactSize(patch.Length);
            if (shipped >= target.Full.Size)
            {
                outcomes.Add(new Outcome(baseRelease, null, patch.Length,
                    FormattableString.Invariant($"its {shipped:N0}-byte artifact is not smaller than the {target.Full.Size:N0}-byte full image")));
                continue;
            }
            var artifact = writer.Write(patch, contentKey, ContentKeyDerivation.ArtifactIv(contentKey, patch));
            outcomes.Add(new Outcome(baseRelease, new EncryptedDelta(baseRelease.Release, baseRelease.Digests.ImageDigest, artifact), patch.Length, null));
        }
        return outcomes;
    }
}
