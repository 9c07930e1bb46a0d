using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Build.Fleet;

/// <summary>
/// Checks what devices would fetch from the live site right now, with the device core's verifiers: the
/// root chain walked from root version 1 (<c>roots/&lt;N&gt;.json</c> until one is missing, as a device
/// does), and each channel manifest (C1-C9 for a new device on that channel). Anything devices refuse
/// is <see cref="LiveSiteStatus.Failed"/>; a root or manifest that expires within the warning window is
/// <see cref="LiveSiteStatus.ExpiresSoon"/>, so the scheduled run fails loudly before devices do.
/// </summary>
public sealed class LiveSiteCheck
{
    private const int NotFound = 404;
    private const int Ok = 200;

    private readonly IHttpTransport _transport;
    private readonly long _now;
    private readonly long _manifestWarnBefore;
    private readonly long _rootWarnBefore;

    /// <param name="manifestWarnDays">Warn when a channel manifest expires within this many days (the refresh re-signs daily).</param>
    /// <param name="rootWarnDays">Warn when the newest root expires within this many days (a root ceremony takes people and time).</param>
    public LiveSiteCheck(IHttpTransport transport, DateTimeOffset now, int manifestWarnDays, int rootWarnDays)
    {
        ArgumentNullException.ThrowIfNull(transport);
        _transport = transport;
        _now = now.ToUnixTimeSeconds();
        _manifestWarnBefore = now.AddDays(manifestWarnDays).ToUnixTimeSeconds();
        _rootWarnBefore = now.AddDays(rootWarnDays).ToUnixTimeSeconds();
    }

    /// <summary>Walks the root chain from <paramref name="provisioned"/>; returns the newest root devices reach (null when the walk fails).</summary>
    public TrustedRoot? WalkRoots(TrustedRoot provisioned, List<LiveSiteFinding> findings, Action<string> step)
    {
        var walk = new RootChainWalk(provisioned);
        while (walk.CanFetchMore)
        {
            var path = $"roots/{walk.NextVersion}.json";
            step(path);
            var (status, body, error) = Fetch(path, RootVerifier.MaxEnvelopeSize);
            if (status == NotFound) break;
            if (body is null)
            {
                findings.Add(new LiveSiteFinding(path, LiveSiteStatus.Failed, error!));
                return null;
            }

            if (!walk.TryAccept(body, out var failure))
            {
                findings.Add(new LiveSiteFinding(path, LiveSiteStatus.Failed, $"devices refuse it: {failure.Step} {failure.Message}"));
                return null;
            }
        }

        if (!walk.TryFinish(_now, out var newest, out var expired))
        {
            findings.Add(new LiveSiteFinding($"root version {walk.Newest.Version}", LiveSiteStatus.Failed, $"devices refuse it: {expired.Step} {expired.Message}"));
            return null;
        }

        findings.Add(Expiry($"root version {newest.Version}", newest.Expires, _rootWarnBefore, "sign the next root version offline (./build.sh --target=SignRoot --expires-days=...)"));
        return newest;
    }

    /// <summary>Fetches and verifies <c>channels/&lt;channel&gt;.json</c> and its release's approval as a new device on that channel would.</summary>
    public LiveSiteFinding CheckChannel(TrustedRoot root, string channel)
    {
        var path = $"channels/{channel}.json";
        var (_, body, error) = Fetch(path, ChannelManifestVerifier.MaxEnvelopeSize);
        if (body is null) return new LiveSiteFinding(path, LiveSiteStatus.Failed, error!);
        if (!ChannelManifestVerifier.TryVerify(body, root, channel, 0, 0, _now, out var verified, out var failure))
        {
            return new LiveSiteFinding(path, LiveSiteStatus.Failed, $"devices refuse it: {failure.Step} {failure.Message}");
        }
        if (!ReleaseApprovalVerifier.TryVerify(root, verified.Manifest.Release, out _, out var notApproved))
        {
            return new LiveSiteFinding(path, LiveSiteStatus.Failed, $"devices refuse its release: {notApproved.Step} {notApproved.Message}");
        }

        var manifest = verified.Manifest;
        var finding = Expiry(path, manifest.Expires, _manifestWarnBefore, "run the refresh workflow (Actions > Refresh > Run workflow) and find out why the daily run did not re-sign it");
        return finding with { Detail = $"{manifest.Release.Version} at {manifest.Rollout.Percent} %, {finding.Detail}" };
    }

    private LiveSiteFinding Expiry(string subject, long expires, long warnBefore, string remedy)
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(expires);
        var left = at - DateTimeOffset.FromUnixTimeSeconds(_now);
        var text = $"expires {at:yyyy-MM-dd HH:mm} UTC (in {(int)left.TotalDays} d {left.Hours} h)";
        return expires <= warnBefore
            ? new LiveSiteFinding(subject, LiveSiteStatus.ExpiresSoon, $"{text}: {remedy}")
            : new LiveSiteFinding(subject, LiveSiteStatus.Ok, text);
    }

    /// <summary>The body of a 200 response of at most <paramref name="cap"/> bytes, or why there is none.</summary>
    private (int Status, byte[]? Body, string? Error) Fetch(string path, int cap)
    {
        try
        {
            using var response = _transport.Get(path, -1, null);
            if (response.StatusCode != Ok) return (response.StatusCode, null, $"HTTP {response.StatusCode}: devices get no document here");
            var body = new MemoryStream();
            var buffer = new byte[8192];
            int read;
            while ((read = response.Read(buffer, 0, buffer.Length)) > 0)
            {
                body.Write(buffer, 0, read);
                if (body.Length > cap) return (Ok, null, $"longer than the {cap}-byte limit devices enforce");
            }

            return (Ok, body.ToArray(), null);
        }
        catch (TransportException exception)
        {
            return (0, null, exception.Message);
        }
    }
}
