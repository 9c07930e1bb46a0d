namespace SecureOta.Build.Gate;

/// <summary>What the devices of one channel reported about one release.</summary>
public sealed record ReleaseReportSummary(string Version, DeviceOutcomeCounts Devices, IReadOnlyList<FailureReasonCount> FailureReasons);
