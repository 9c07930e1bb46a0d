namespace SecureOta.Collector.Storage;

/// <summary>A count of distinct devices for one channel and version.</summary>
public sealed record ReleaseCount(string Channel, string Version, long Devices);
