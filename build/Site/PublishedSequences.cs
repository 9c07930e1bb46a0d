using System.Text.Json;
using SecureOta.Build.Frosting;
using SecureOta.Device.Core.Envelopes;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Build.Site;

/// <summary>
/// The sequence each channel's manifest already has where devices read it, so that the next one is
/// always higher whatever the clock says (docs/PROTOCOL.md section 10, "Sequence"): read from
/// <c>--live-site=&lt;https URL or OTA folder&gt;</c>, the deployed site, as the release and refresh workflows
/// pass it. Without it the sequence is the signing time, so a rebuild with the same inputs, keys and
/// time still writes the same bytes. Only manifests whose signatures verify
/// under the newest root's release role count: a mirror cannot push the build's sequences up. A
/// manifest that does not verify (an older release key, a damaged file) is reported and ignored; after a
/// release-key rotation devices reset their floors anyway.
/// </summary>
public sealed class PublishedSequences
{
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(20);

    private readonly Dictionary<string, (long Sequence, string Source)> _highest = new(StringComparer.Ordinal);
    private readonly List<string> _notes = [];

    /// <summary>What was read or ignored, for the log.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>Reads the channels' manifests from the live site (none when <paramref name="liveSite"/> is null).</summary>
    public static PublishedSequences Read(IEnumerable<string> channels, TrustedRoot root, string? liveSite)
    {
        var result = new PublishedSequences();
        if (liveSite is null) return result;
        foreach (var channel in channels)
        {
            result.Consider(channel, FetchLive(liveSite, channel, result._notes), root, "the live site");
        }
        return result;
    }

    /// <summary>The highest verified sequence of the channel and where it came from, or null when none was found.</summary>
    public (long Sequence, string Source)? Highest(string channel) => _highest.TryGetValue(channel, out var found) ? found : null;

    private void Consider(string channel, byte[]? envelope, TrustedRoot root, string source)
    {
        if (envelope is null) return;
        if (!EnvelopeParser.TryParse(envelope, out var signed, out _) || !SignatureThreshold.IsMet(signed, root.ReleaseRole))
        {
            _notes.Add($"{channel}: the manifest of {source} is not signed by root version {root.Version}'s release role; its sequence is ignored");
            return;
        }
        long sequence;
        try
        {
            using var payload = JsonDocument.Parse(signed.Payload);
            sequence = payload.RootElement.GetProperty("sequence").GetInt64();
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            _notes.Add($"{channel}: the manifest of {source} has no readable sequence; ignored");
            return;
        }
        if (!_highest.TryGetValue(channel, out var current) || sequence > current.Sequence) _highest[channel] = (sequence, source);
    }

    private static byte[]? FetchLive(string liveSite, string channel, List<string> notes)
    {
        var relative = SiteLayout.ChannelFile(channel)[SiteLayout.OtaBase.Length..];
        if (!liveSite.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && !liveSite.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            var path = Path.Combine(liveSite, relative);
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }

        var url = liveSite.TrimEnd('/') + "/" + relative;
        try
        {
            using var client = new HttpClient { Timeout = FetchTimeout };
            using var response = client.GetAsync(url).GetAwaiter().GetResult();
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                notes.Add($"{channel}: {url} is not published yet (404)");
                return null;
            }
            response.EnsureSuccessStatusCode();
            return response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            throw new BuildException(BuildErrorCode.LiveSiteCheckFailed, $"Could not read the live manifest {url}: {exception.Message}",
                "The build reads the live manifests so that its sequences are higher than what devices hold. Check --live-site and the network, " +
                "or leave --live-site out only when nothing was deployed yet.", exception);
        }
    }
}
