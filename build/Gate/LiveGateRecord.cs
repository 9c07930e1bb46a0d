using SecureOta.Build.Site;

namespace SecureOta.Build.Gate;

/// <summary>
/// Reads the gate record the live site publishes (<see cref="GateRecord.SitePath"/>, beside the OTA folder
/// that <c>--live-site</c> names). The record is not signed: it only ever keeps a halt the live, verified
/// manifest already shows, and carries the decision history for people. Missing, too large or malformed: none,
/// with a note for the log.
/// </summary>
public static class LiveGateRecord
{
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Where the record is, given <c>--live-site</c> (the OTA folder, <c>…/ota/v2/</c>); null when that location does not end with it.</summary>
    public static string? Location(string liveSite)
    {
        ArgumentNullException.ThrowIfNull(liveSite);
        var isUrl = liveSite.Contains("://", StringComparison.Ordinal);
        var trimmed = liveSite.Replace('\\', '/').TrimEnd('/') + "/";
        if (!trimmed.EndsWith("/" + SiteLayout.OtaBase, StringComparison.Ordinal)) return null;
        var siteRoot = trimmed[..^SiteLayout.OtaBase.Length];
        return isUrl ? siteRoot + GateRecord.SitePath : Path.GetFullPath(Path.Combine(siteRoot, GateRecord.SitePath));
    }

    public static GateRecord? Read(string? liveSite, List<string> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        if (liveSite is null) return null;
        var location = Location(liveSite);
        if (location is null)
        {
            notes.Add($"--live-site={liveSite} does not end with {SiteLayout.OtaBase}, so the live rollout gate record is not looked for");
            return null;
        }

        try
        {
            var bytes = Fetch(location);
            if (bytes is null) return null;
            if (bytes.Length > GateRecord.MaxBytes)
            {
                notes.Add($"{location} is over {GateRecord.MaxBytes} bytes; ignored");
                return null;
            }
            return GateRecordJson.Read(bytes);
        }
        catch (Exception exception) when (exception is SummaryFormatException or HttpRequestException or TaskCanceledException or IOException)
        {
            notes.Add($"the live rollout gate record {location} could not be read ({exception.Message}); ignored");
            return null;
        }
    }

    private static byte[]? Fetch(string location)
    {
        if (!location.Contains("://", StringComparison.Ordinal)) return File.Exists(location) ? File.ReadAllBytes(location) : null;
        using var client = new HttpClient { Timeout = FetchTimeout, MaxResponseContentBufferSize = GateRecord.MaxBytes + 1 };
        using var response = client.GetAsync(location).GetAwaiter().GetResult();
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
    }
}
