using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Core.Update
{
    /// <summary>
    /// Told which artifact a poll downloads before it starts: a delta patch whose base is the running
    /// image, or the full image (first, or after a patch failed, with <paramref name="deltaProblem"/> saying
    /// why). <paramref name="full"/> is the release's full artifact, to compare sizes. For logs and displays.
    /// </summary>
    public delegate void ArtifactChosenHandler(ManifestArtifact artifact, ManifestArtifact full, string deltaProblem);
}
