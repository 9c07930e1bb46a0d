using System.Security.Cryptography.X509Certificates;

namespace SecureOta.Device.Host.Http;

/// <summary>
/// Decides whether a server certificate is acceptable under a pin set: its chain, built from the
/// certificates the server presented, must end at one of the pinned CAs (and only those: the system
/// store is never consulted), every certificate must be in its validity period, and the leaf must name
/// the host. No I/O: the chain is built offline (downloads and revocation are off).
/// </summary>
public static class PinnedCertificateValidator
{
    /// <summary>
    /// Checks <paramref name="leaf"/> for <paramref name="host"/> (a DNS name or an IP literal).
    /// <paramref name="presented"/> holds the other certificates the server sent (intermediates); they
    /// help build the path but are never trusted themselves. <paramref name="verificationTime"/> defaults
    /// to now.
    /// </summary>
    public static PinCheckResult Check(X509Certificate2? leaf, IEnumerable<X509Certificate2> presented, string host,
        PinnedAnchorSet anchors, DateTime? verificationTime = null)
    {
        ArgumentNullException.ThrowIfNull(presented);
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentNullException.ThrowIfNull(anchors);
        if (leaf is null) return PinCheckResult.Refused(PinCheckFailure.NoCertificate, $"{host} presented no certificate");

        using var chain = new X509Chain { ChainPolicy = anchors.CreateChainPolicy() };
        foreach (var certificate in presented) chain.ChainPolicy.ExtraStore.Add(certificate);
        var at = verificationTime ?? DateTime.Now;
        chain.ChainPolicy.VerificationTime = at;

        bool built = chain.Build(leaf);
        var top = chain.ChainElements.Count > 0 ? chain.ChainElements[^1].Certificate : leaf;
        if (!built || !anchors.Contains(top)) return Refusal(chain, top, leaf, anchors, at);

        if (!leaf.MatchesHostname(host, allowWildcards: true, allowCommonName: false))
        {
            return PinCheckResult.Refused(PinCheckFailure.NameMismatch,
                $"name mismatch: the certificate '{leaf.Subject}' does not name {host} in its subject alternative names");
        }
        return PinCheckResult.Trusted;
    }

    private static PinCheckResult Refusal(X509Chain chain, X509Certificate2 top, X509Certificate2 leaf, PinnedAnchorSet anchors, DateTime at)
    {
        var flags = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
        const X509ChainStatusFlags outside = X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain;
        if ((flags & outside) != 0 || !anchors.Contains(top))
        {
            return PinCheckResult.Refused(PinCheckFailure.OutsidePinnedSet,
                $"certificate chains to a CA outside the pinned set: '{leaf.Subject}' leads to '{top.Issuer}', " +
                $"pinned set {anchors.Describe()}");
        }
        if ((flags & X509ChainStatusFlags.NotTimeValid) != 0)
        {
            var stale = chain.ChainElements.Select(e => e.Certificate)
                .FirstOrDefault(c => at < c.NotBefore || at > c.NotAfter) ?? leaf;
            return PinCheckResult.Refused(PinCheckFailure.NotTimeValid,
                $"certificate '{stale.Subject}' is outside its validity period ({stale.NotBefore.ToUniversalTime():u} to {stale.NotAfter.ToUniversalTime():u}); " +
                "a device needs a set clock before its first HTTPS request");
        }
        return PinCheckResult.Refused(PinCheckFailure.InvalidChain,
            $"the chain to the pinned CA '{top.Subject}' is invalid: {flags}");
    }
}
