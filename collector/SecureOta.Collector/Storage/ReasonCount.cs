namespace SecureOta.Collector.Storage;

/// <summary>Distinct devices that reported one failure kind with one check code and reason.</summary>
public sealed record ReasonCount(string Channel, string Version, string Kind, string? Check, string? Reason, long Devices);
