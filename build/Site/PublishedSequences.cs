using System.Text.Json;

namespace SecureOta.Build.Site;

/// <summary>
/// The sequence each channel's manifest already has where devices read it, so that the next one is
/// always higher whatever the clock says (docs/PROTOCOL.md section 10, "Sequence"): read from the verified
/// live manifests (<see cref="LiveManifests"/>, <c>--live-site</c>). Without a live site the sequence is the
/// signing time, so a rebuild with the same inputs, keys and time still writes the same bytes.
/// </summary>
public sealed class PublishedSequences
{
    private readonly Dictionary<string, (long Sequence, string Source)> _highest = new(StringComparer.Ordinal);
    private readonly List<string> _notes = [];

    /// <summary>Live manifests whose sequence could not be read, for the log.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>The sequences of the verified live manifests.</summary>
    public static PublishedSequences From(LiveManifests live)
    {
        ArgumentNullException.ThrowIfNull(live);
        var result = new PublishedSequences();
        foreach (var manifest in live.Verified) result.Consider(manifest);
        return result;
    }

    /// <summary>The highest verified sequence of the channel and where it came from, or null when none was found.</summary>
    public (long Sequence, string Source)? Highest(string channel) => _highest.TryGetValue(channel, out var found) ? found : null;

    private void Consider(LiveManifest manifest)
    {
        long sequence;
        try
        {
            using var payload = JsonDocument.Parse(manifest.Payload);
            sequence = payload.RootElement.GetProperty("sequence").GetInt64();
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            _notes.Add($"{manifest.Channel}: the manifest of {manifest.Source} has no readable sequence; ignored");
            return;
        }
        if (!_highest.TryGetValue(manifest.Channel, out var current) || sequence > current.Sequence) _highest[manifest.Channel] = (sequence, manifest.Source);
    }
}
