using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using SecureOta.Device.Host.Http;

namespace SecureOta.Build.Fleet;

/// <summary>
/// Judges a site's TLS chain against the pinned CA set with the device host's own
/// <see cref="PinnedCertificateValidator"/> (so the monitor and the devices cannot disagree), and
/// describes the chain for people: where it ends, and which of its certificates expire soon, because a
/// renewal is when a site's chain may move to a CA outside the pin set.
/// </summary>
public static class PinCheck
{
    public static PinCheckReport Evaluate(TlsChain chain, PinnedAnchorSet anchors, DateTimeOffset now, int certificateWarnDays)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(anchors);
        var verdict = PinnedCertificateValidator.Check(chain.Leaf, chain.Presented, chain.Host, anchors, now.UtcDateTime);
        using var pinned = Build(chain, anchors.CreateChainPolicy(), now);
        var elements = pinned.ChainElements.Select(e => e.Certificate).ToList();
        var top = elements.Count > 0 ? elements[^1] : chain.Leaf;
        var anchor = anchors.Contains(top) ? top.Subject : null;
        if (anchor is null)
        {
            // Name the chain as this machine's own trust store sees it, to say which CA the site moved to.
            using var system = Build(chain, new X509ChainPolicy { RevocationMode = X509RevocationMode.NoCheck, DisableCertificateDownloads = true }, now);
            elements = system.ChainElements.Select(e => e.Certificate).ToList();
        }

        var soon = now.AddDays(certificateWarnDays).UtcDateTime;
        var expiring = anchor is null
            ? []
            : elements.Where(c => c.NotAfter.ToUniversalTime() <= soon)
                .Select(c => $"'{c.Subject}' expires {c.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}")
                .ToList();
        return new PinCheckReport(verdict, elements.Select(Describe).ToList(), anchor, expiring);
    }

    private static X509Chain Build(TlsChain tls, X509ChainPolicy policy, DateTimeOffset now)
    {
        var chain = new X509Chain { ChainPolicy = policy };
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        foreach (var certificate in tls.Presented) chain.ChainPolicy.ExtraStore.Add(certificate);
        chain.Build(tls.Leaf);
        return chain;
    }

    private static string Describe(X509Certificate2 certificate) =>
        $"{certificate.Subject} (until {certificate.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})";
}
