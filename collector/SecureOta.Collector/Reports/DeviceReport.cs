namespace SecureOta.Collector.Reports;

/// <summary>
/// One parsed report (contract section 2). <see cref="Body"/> keeps the exact bytes the MAC covered,
/// stored beside the columns so an operator can audit what a device said.
/// </summary>
public sealed record DeviceReport(
    string Device,
    long Counter,
    string Kind,
    string Channel,
    string Version,
    string Running,
    string? Artifact,
    string? Check,
    string? Reason,
    long? Uptime,
    string Body);
