namespace SecureOta.Build.Fleet;

/// <summary>Everything one CheckPins run found: the TLS verdict and chain, and every finding (TLS, certificates, roots, manifests).</summary>
public sealed record PinMonitorResult(PinCheckReport Tls, IReadOnlyList<LiveSiteFinding> Findings)
{
    public bool PinsHold => Tls.Verdict.IsTrusted;

    public IEnumerable<LiveSiteFinding> Failures => Findings.Where(f => f.Status == LiveSiteStatus.Failed);

    public IEnumerable<LiveSiteFinding> Warnings => Findings.Where(f => f.Status == LiveSiteStatus.ExpiresSoon);
}
