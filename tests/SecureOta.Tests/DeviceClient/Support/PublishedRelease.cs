using SecureOta.Build.Publishing;

namespace SecureOta.Tests.DeviceClient.Support;

/// <summary>What <see cref="TestSite.Publish"/> put on the site for one release.</summary>
public sealed record PublishedRelease(string Version, byte[] Image, EncryptedArtifact Artifact, byte[] Manifest, long Sequence)
{
    public string BlobPath => Artifact.Path;

    /// <summary>The encrypted delta patches, in the order they were given.</summary>
    public IReadOnlyList<EncryptedArtifact> Deltas { get; init; } = [];
}
