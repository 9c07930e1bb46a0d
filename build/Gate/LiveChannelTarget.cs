using System.Text.Json;
using SecureOta.Build.Releases;
using SecureOta.Build.Site;

namespace SecureOta.Build.Gate;

/// <summary>
/// What the live (verified) manifest of a channel targets right now: the release and the published
/// <c>rollout.percent</c>. The gate's current step is read from here, since the refresh rebuilds a tag
/// whose channels.json never saw the gate's widenings.
/// </summary>
public sealed record LiveChannelTarget(string Channel, SemVersion Version, int Percent)
{
    /// <summary>The target of a verified live manifest, or null when its payload lacks the members (it verified, so this is a defect elsewhere).</summary>
    public static LiveChannelTarget? From(LiveManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        try
        {
            using var payload = JsonDocument.Parse(manifest.Payload);
            var root = payload.RootElement;
            var version = root.GetProperty("release").GetProperty("version").GetString();
            var percent = root.GetProperty("rollout").GetProperty("percent").GetInt32();
            return SemVersion.TryParse(version, out var parsed) ? new LiveChannelTarget(manifest.Channel, parsed, percent) : null;
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
