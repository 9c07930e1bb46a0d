using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using SecureOta.Build.Frosting;
using SecureOta.Device.Host.Http;

namespace SecureOta.Build.Fleet;

/// <summary>
/// The CheckPins monitor: fetches the site's TLS chain and judges it against the pinned CA set
/// (<see cref="PinCheck"/>); then, only when the pins hold, fetches what devices fetch over that same
/// pinned TLS (<see cref="PinnedHttpsTransport"/>) and verifies the root chain and each channel
/// manifest (<see cref="LiveSiteCheck"/>). Also flags pinned CAs and chain certificates that expire soon.
/// </summary>
public sealed class PinMonitor
{
    /// <summary>Connect, handshake and response limit for each request.</summary>
    public static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(30);

    private readonly BuildLog _log;

    public PinMonitor(BuildLog log) => _log = log ?? throw new ArgumentNullException(nameof(log));

    public PinMonitorResult Run(Uri siteUrl, PinSource pins, IReadOnlyList<string> channels, DateTimeOffset now, int manifestWarnDays, int certificateWarnDays)
    {
        ArgumentNullException.ThrowIfNull(siteUrl);
        ArgumentNullException.ThrowIfNull(pins);
        ArgumentNullException.ThrowIfNull(channels);
        var anchors = PinnedAnchorSet.FromPem(pins.Anchors);
        return FleetProgress.Run(_log, "Checking " + siteUrl.Host, 2 + channels.Count, step =>
        {
            var findings = new List<LiveSiteFinding>();
            step("TLS handshake");
            using var chain = TlsChainProbe.Fetch(siteUrl.IdnHost, siteUrl.Port, NetworkTimeout);
            var tls = PinCheck.Evaluate(chain, anchors, now, certificateWarnDays);
            findings.Add(tls.Verdict.IsTrusted
                ? new LiveSiteFinding("TLS chain", LiveSiteStatus.Ok, $"ends at the pinned CA '{tls.PinnedAnchor}'")
                : new LiveSiteFinding("TLS chain", LiveSiteStatus.Failed, tls.Verdict.Message));
            findings.AddRange(tls.ExpiringSoon.Select(c => new LiveSiteFinding("TLS certificate", LiveSiteStatus.ExpiresSoon,
                $"{c}: its renewal may come from another CA; CheckPins tells you if it leaves the pin set")));
            findings.AddRange(ExpiringAnchors(pins.Anchors, now, certificateWarnDays));
            if (!tls.Verdict.IsTrusted)
            {
                findings.Add(new LiveSiteFinding("roots and manifests", LiveSiteStatus.Failed, "not fetched: devices cannot connect to the site with these pins"));
                return new PinMonitorResult(tls, findings);
            }

            using var transport = new PinnedHttpsTransport(new Uri(siteUrl, "ota/v2/"), anchors,
                new PinnedHttpsTransportOptions { ResponseTimeout = NetworkTimeout, ReadTimeout = NetworkTimeout });
            var site = new LiveSiteCheck(transport, now, manifestWarnDays, certificateWarnDays);
            var root = site.WalkRoots(pins.Roots.Provisioned, findings, path => step(path));
            foreach (var channel in channels)
            {
                step($"channels/{channel}.json");
                findings.Add(root is null
                    ? new LiveSiteFinding($"channels/{channel}.json", LiveSiteStatus.Failed, "not checked: the root chain failed")
                    : site.CheckChannel(root, channel));
            }

            return new PinMonitorResult(tls, findings);
        });
    }

    /// <summary>A pinned CA that expires soon strands every device whose site chain ends at it: pin its successor in time.</summary>
    private static IEnumerable<LiveSiteFinding> ExpiringAnchors(IReadOnlyList<string> anchors, DateTimeOffset now, int warnDays)
    {
        foreach (var pem in anchors)
        {
            using var certificate = X509Certificate2.CreateFromPem(pem);
            var until = new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
            if (until <= now.AddDays(warnDays))
            {
                yield return new LiveSiteFinding("pinned CA", LiveSiteStatus.ExpiresSoon,
                    $"'{certificate.Subject}' expires {until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: pin its successor with ./build.sh --target=ChangePinnedCAs");
            }
        }
    }
}
