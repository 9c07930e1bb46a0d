namespace SecureOta.Collector.Storage;

/// <summary>Reports of one kind naming one release of one channel, and how many distinct devices sent them.</summary>
public sealed record KindCount(string Channel, string Version, string Kind, long Reports, long Devices);
