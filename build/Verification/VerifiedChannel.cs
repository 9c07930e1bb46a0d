using SecureOta.Device.Core.Trust;

namespace SecureOta.Build.Verification;

/// <summary>A channel manifest that passed C1-C9, and what became of its release's key and artifact.</summary>
/// <param name="File">The manifest, relative to the site folder.</param>
/// <param name="Manifest">The device core's verified manifest.</param>
/// <param name="SignerKeyIds">Release-role key ids whose signatures verified.</param>
/// <param name="KeyOrigin">Where the content key came from.</param>
/// <param name="KeyRecipient">The recipient whose private key unwrapped it, when <see cref="KeyOrigin"/> is Unwrapped.</param>
/// <param name="ArtifactVerified">True when the full artifact passed every record, the image digest and its name check.</param>
/// <param name="DeltasVerified">How many of the manifest's delta patches passed every record and their name check and rebuild the image from their base.</param>
public sealed record VerifiedChannel(
    string File,
    ChannelManifest Manifest,
    IReadOnlyList<string> SignerKeyIds,
    ContentKeyOrigin KeyOrigin,
    string? KeyRecipient,
    bool ArtifactVerified,
    int DeltasVerified)
{
    public string Channel => Manifest.Channel;
}
