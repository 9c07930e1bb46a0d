using System.Net.Http.Headers;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Host.Http;

/// <summary>
/// The host's <see cref="IHttpTransport"/>: real HTTPS to the site's OTA base URL with TLS anchored on
/// the pinned CA set only, as the device does with HttpWebRequest and an mbedTLS CA list.
/// <para>
/// The TLS handshake is done here, in the handler's connect callback, so that the verdict of
/// <see cref="PinnedCertificateValidator"/> (why a certificate was refused) reaches the caller in the
/// <see cref="TransportException"/>. Every request asks for "Connection: close", like the device, so no
/// pooled connection outlives a change of the pin set. Redirects are returned, never followed; no
/// proxy, cookies, compression or cache sit between the client and the site.
/// </para>
/// The synchronous <see cref="Get"/> blocks on the async handler; it is meant for one poll at a time
/// but is safe to call from several threads.
/// </summary>
public sealed class PinnedHttpsTransport : IHttpTransport, IDisposable
{
    private readonly PinnedHttpsTransportOptions _options;
    private readonly HttpClient _client;
    private volatile PinnedAnchorSet _anchors;
    private bool _disposed;

    /// <summary>Pins the CAs in <paramref name="pinnedCaPems"/> (the root metadata's <c>tlsAnchors</c>).</summary>
    public PinnedHttpsTransport(Uri baseUrl, IEnumerable<string> pinnedCaPems, PinnedHttpsTransportOptions? options = null)
        : this(baseUrl, PinnedAnchorSet.FromPem(pinnedCaPems), options)
    {
    }

    public PinnedHttpsTransport(Uri baseUrl, PinnedAnchorSet anchors, PinnedHttpsTransportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        _options = options ?? new PinnedHttpsTransportOptions();
        if (_options.ResponseTimeout <= TimeSpan.Zero || _options.ReadTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(options), "Timeouts must be positive.");
        BaseUrl = SitePath.NormaliseBase(baseUrl, _options.AllowPlainHttp);
        _anchors = anchors;

        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            ConnectCallback = ConnectAsync,
        };
        _client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestVersion = System.Net.HttpVersion.Version11;
        _client.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact;
    }

    /// <summary>The base URL every path is resolved against; always ends in '/'.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The CA set the next TLS handshake will trust.</summary>
    public PinnedAnchorSet Anchors => _anchors;

    /// <summary>
    /// Replaces the pin set, after the device accepted a newer root with new <c>tlsAnchors</c>. The next
    /// handshake uses it; a response already open finishes on its old connection.
    /// </summary>
    public void UpdatePinnedAnchors(IEnumerable<string> pinnedCaPems) => UpdatePinnedAnchors(PinnedAnchorSet.FromPem(pinnedCaPems));

    public void UpdatePinnedAnchors(PinnedAnchorSet anchors)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        _anchors = anchors;
    }

    public IHttpResponse Get(string path, long rangeStart, string? ifNoneMatch)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var url = SitePath.Resolve(BaseUrl, path);
        // The ETag came from a server: one HttpClient cannot send (obs-text, a tab) is a failed request, never an
        // ArgumentException out of the poll.
        if (ifNoneMatch is not null && !ifNoneMatch.All(c => c is > ' ' and < '\x7f'))
            throw new TransportException($"GET {url} not sent: its If-None-Match (the server's ETag) has characters outside visible ASCII.");

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.ConnectionClose = true;
        if (rangeStart >= 0) request.Headers.Range = new RangeHeaderValue(rangeStart, null);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);

        using var timeout = new CancellationTokenSource(_options.ResponseTimeout);
        HttpResponseMessage response;
        try
        {
            response = _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested)
        {
            throw new TransportException($"GET {url} timed out: no response headers within {_options.ResponseTimeout.TotalSeconds:0.###} s.", e);
        }
        catch (HttpRequestException e)
        {
            throw Translate(url, e);
        }

        try
        {
            var body = response.Content.ReadAsStream(timeout.Token);
            return new PinnedHttpsResponse(response, body, url, _options.ReadTimeout);
        }
        catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException)
        {
            response.Dispose();
            throw new TransportException($"GET {url} failed opening the response body: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _client.Dispose();
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        var network = new NetworkStream(socket, ownsSocket: true);
        if (BaseUrl.Scheme != Uri.UriSchemeHttps) return network;
        return await AuthenticateAsync(network, context.DnsEndPoint.Host, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
    }

    // Returning an SslStream from the connect callback makes the handler use it as the TLS layer, so the
    // validation below is the only certificate decision on the connection.
    private async Task<Stream> AuthenticateAsync(NetworkStream network, string host, int port, CancellationToken cancellationToken)
    {
        var anchors = _anchors;
        PinCheckResult? verdict = null;
        var tls = new SslStream(network, leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = host,
            ApplicationProtocols = [SslApplicationProtocol.Http11],
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            // The runtime's own chain build also uses only the pins, never the system store.
            CertificateChainPolicy = anchors.CreateChainPolicy(),
            RemoteCertificateValidationCallback = (_, certificate, chain, _) =>
            {
                verdict = PinnedCertificateValidator.Check(certificate as X509Certificate2, Presented(chain), host, anchors);
                return verdict.IsTrusted;
            },
        };
        try
        {
            await tls.AuthenticateAsClientAsync(options, cancellationToken).ConfigureAwait(false);
            return tls;
        }
        catch (AuthenticationException e) when (verdict is { IsTrusted: false })
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw new TransportException($"TLS to {host}:{port} refused: {verdict.Message}.", e);
        }
        catch
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // The certificates the server sent besides its leaf: SslStream puts them in the chain's extra store.
    private static List<X509Certificate2> Presented(X509Chain? chain)
    {
        var presented = new List<X509Certificate2>();
        if (chain is null) return presented;
        presented.AddRange(chain.ChainPolicy.ExtraStore);
        return presented;
    }

    private static TransportException Translate(Uri url, HttpRequestException e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is TransportException pinned) return new TransportException(pinned.Message, e);
            if (inner is AuthenticationException tls) return new TransportException($"GET {url} failed in the TLS handshake: {tls.Message}", e);
        }
        return new TransportException($"GET {url} failed: {Innermost(e).Message}", e);
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }
}
