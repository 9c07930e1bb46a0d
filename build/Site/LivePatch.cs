using System.Text.Json;

namespace SecureOta.Build.Site;

/// <summary>
/// A delta patch (docs/PROTOCOL.md section 11a) that a verified live manifest lists: a device that read that
/// manifest may still fetch its blob while the next deploy goes out, so the build publishes it again
/// (<see cref="KeptPatchWriter"/>).
/// </summary>
/// <param name="Channel">The channel whose live manifest lists it.</param>
/// <param name="TargetVersion">The manifest's <c>release.version</c>: the release the patch builds.</param>
/// <param name="TargetDigest">The manifest's <c>release.imageDigest</c>.</param>
/// <param name="BaseVersion">The artifact's <c>baseVersion</c>.</param>
/// <param name="BaseDigest">The artifact's <c>baseDigest</c>.</param>
/// <param name="BlobName">The artifact's <c>sha256</c> (lowercase hex): the blob the device fetches.</param>
public sealed record LivePatch(string Channel, string TargetVersion, byte[] TargetDigest, string BaseVersion, byte[] BaseDigest, string BlobName)
{
    /// <summary>"1.0.0 -> 1.1.0", for the log.</summary>
    public override string ToString() => $"{BaseVersion} -> {TargetVersion}";

    /// <summary>
    /// The delta artifacts of <paramref name="manifest"/>; none, with a note, when its release or artifacts
    /// cannot be read (a device would refuse such a manifest at C5, so no device holds it).
    /// </summary>
    public static IReadOnlyList<LivePatch> ReadFrom(LiveManifest manifest, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(notes);
        try
        {
            using var payload = JsonDocument.Parse(manifest.Payload);
            var release = payload.RootElement.GetProperty("release");
            string version = release.GetProperty("version").GetString() ?? throw new FormatException("release.version is null");
            byte[] digest = Convert.FromHexString(release.GetProperty("imageDigest").GetString() ?? "");
            var patches = new List<LivePatch>();
            foreach (var artifact in release.GetProperty("artifacts").EnumerateArray())
            {
                if (artifact.GetProperty("kind").GetString() != "delta") continue;
                patches.Add(new LivePatch(manifest.Channel, version, digest,
                    artifact.GetProperty("baseVersion").GetString() ?? throw new FormatException("baseVersion is null"),
                    Convert.FromHexString(artifact.GetProperty("baseDigest").GetString() ?? ""),
                    (artifact.GetProperty("sha256").GetString() ?? "").ToLowerInvariant()));
            }
            return patches;
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            notes.Add($"{manifest.Channel}: the manifest of {manifest.Source} has no readable artifact list ({exception.Message}); its patches are not kept");
            return [];
        }
    }
}
