namespace SecureOta.Device.Host.Http;

/// <summary>Settings of a <see cref="PinnedHttpsTransport"/>. The defaults are what a device uses.</summary>
public sealed class PinnedHttpsTransportOptions
{
    /// <summary>
    /// Accept an <c>http://</c> base URL (no TLS at all). Only for tests of layers above the transport;
    /// never the default, and never for a real site.
    /// </summary>
    public bool AllowPlainHttp { get; init; }

    /// <summary>Limit on connecting, the TLS handshake and receiving the response headers of one GET.</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit on each single body read; a stalled server fails the read instead of hanging the poll.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
