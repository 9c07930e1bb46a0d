namespace SecureOta.Build.Gate;

/// <summary>
/// What one channel's devices reported: per release, and the versions in the field (per device, the
/// version its latest report says it runs), as the collector's summary gives them.
/// </summary>
public sealed record ChannelReportSummary(string Channel, IReadOnlyList<ReleaseReportSummary> Releases, IReadOnlyList<KeyValuePair<string, int>> VersionsInField)
{
    /// <summary>The release's counts, or null when no device reported about it.</summary>
    public ReleaseReportSummary? Release(string version) => Releases.FirstOrDefault(r => r.Version == version);
}
