namespace SecureOta.Build.Demo.Fleet;

/// <summary>One outcome report a fleet device sends (REPORTS_CONTRACT section 2 members).</summary>
internal sealed record FleetReport(string Kind, string Channel, string Version, string Running, string? Artifact = null, string? Reason = null);
