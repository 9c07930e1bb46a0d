namespace SecureOta.Build.LocalServer;

/// <summary>One request a <see cref="LocalSiteServer"/> answered: what the client sent and the status it got.</summary>
/// <param name="Path">The URL path requested ("/ota/v2/channels/stable.json").</param>
/// <param name="Range">The Range header as sent, or null.</param>
/// <param name="IfNoneMatch">The If-None-Match header as sent, or null.</param>
/// <param name="StatusCode">The status the server answered (before any fault cut the body).</param>
public sealed record LocalSiteRequest(string Path, string? Range, string? IfNoneMatch, int StatusCode);
