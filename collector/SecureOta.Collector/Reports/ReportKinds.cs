namespace SecureOta.Collector.Reports;

/// <summary>The report kinds of contract section 2, as the JSON spells them.</summary>
public static class ReportKinds
{
    public const string TrialScheduled = "trial-scheduled";
    public const string Confirmed = "confirmed";
    public const string Reverted = "reverted";
    public const string ReleaseRejected = "release-rejected";
    public const string VerificationFailed = "verification-failed";
    public const string DownloadFailed = "download-failed";
    public const string Heartbeat = "heartbeat";

    /// <summary>Every kind, in the order the summary lists them.</summary>
    public static readonly IReadOnlyList<string> All =
        [TrialScheduled, Confirmed, Reverted, ReleaseRejected, VerificationFailed, DownloadFailed, Heartbeat];

    /// <summary>The kinds that say an update went wrong: the summary lists their reasons.</summary>
    public static readonly IReadOnlyList<string> Failures = [Reverted, ReleaseRejected, VerificationFailed, DownloadFailed];

    public static bool IsKnown(string kind) => All.Contains(kind, StringComparer.Ordinal);
}
