using SecureOta.Build.Frosting;
using SecureOta.Device.Core.Envelopes;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Build.Site;

/// <summary>
/// The channel manifests of the deployed site, read from <c>--live-site=&lt;https URL or OTA folder&gt;</c>
/// as the release and refresh workflows pass it. The build reads them once: for the sequences the next
/// manifests must be above (<see cref="PublishedSequences"/>) and for the delta patches they list, which the
/// next deploy publishes again (<see cref="LivePatch"/>, docs/PROTOCOL.md section 11a.1). Only manifests
/// whose signatures verify under the newest root's release role count, so a mirror can neither push the
/// build's sequences up nor make it publish a patch; one that does not verify (an older release key, a
/// damaged file) is reported and ignored. After a release-key rotation devices reset their floors anyway,
/// and a patch that is no longer published costs them a full download, never an update.
/// </summary>
public sealed class LiveManifests
{
    /// <summary>The command-line argument naming the live site.</summary>
    public const string Argument = "live-site";

    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(20);

    private readonly List<LiveManifest> _verified = [];
    private readonly List<string> _notes = [];

    /// <summary>No live site: nothing deployed yet, or a build that was not given <c>--live-site</c>.</summary>
    public static LiveManifests None { get; } = new();

    /// <summary>The manifests that verified, in the order of the channels read.</summary>
    public IReadOnlyList<LiveManifest> Verified => _verified;

    /// <summary>What was read or ignored, for the log.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>
    /// The value of <c>--live-site</c> as the build reads it: a URL as given, a folder made absolute against
    /// <paramref name="workingDirectory"/>; null when the argument is absent.
    /// </summary>
    public static string? Location(string? argument, string workingDirectory) =>
        argument is null || IsUrl(argument) ? argument : Path.GetFullPath(argument, workingDirectory);

    /// <summary>Reads the channels' manifests from the live site (none when <paramref name="liveSite"/> is null).</summary>
    public static LiveManifests Read(IEnumerable<string> channels, TrustedRoot root, string? liveSite)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(root);
        if (liveSite is null) return None;
        var result = new LiveManifests();
        foreach (var channel in channels)
        {
            result.Consider(channel, FetchLive(liveSite, channel, result._notes), root, "the live site");
        }
        return result;
    }

    private void Consider(string channel, byte[]? envelope, TrustedRoot root, string source)
    {
        if (envelope is null) return;
        if (!EnvelopeParser.TryParse(envelope, out var signed, out _) || !SignatureThreshold.IsMet(signed, root.ReleaseRole))
        {
            _notes.Add($"{channel}: the manifest of {source} is not signed by root version {root.Version}'s release role; its sequence and patches are ignored");
            return;
        }
        _verified.Add(new LiveManifest(channel, signed.Payload, source));
    }

    private static bool IsUrl(string location) =>
        location.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    private static byte[]? FetchLive(string liveSite, string channel, List<string> notes)
    {
        var relative = SiteLayout.ChannelFile(channel)[SiteLayout.OtaBase.Length..];
        if (!IsUrl(liveSite))
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
                "The build reads the live manifests so that its sequences are higher than what devices hold and the patches they list stay published. " +
                "Check --live-site and the network, or leave --live-site out only when nothing was deployed yet.", exception);
        }
    }
}
