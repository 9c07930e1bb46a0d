namespace SecureOta.Tests.DeviceClient.Support;

/// <summary>One request a <see cref="SiteTransport"/> answered.</summary>
public sealed record SiteRequest(string Path, long RangeStart, string? IfNoneMatch, int Status);
