namespace SecureOta.Collector.Storage;

/// <summary>The summary's raw material, one list per grouped query; <see cref="Summary.SummaryBuilder"/> shapes it.</summary>
public sealed record SummaryRows(
    IReadOnlyList<KindCount> Kinds,
    IReadOnlyList<ReleaseCount> FailedDevices,
    IReadOnlyList<ReasonCount> Reasons,
    IReadOnlyList<ReleaseCount> VersionsInField);
