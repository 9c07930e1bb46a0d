using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Host.Http;

/// <summary>
/// The host's <see cref="IReportTransport"/>: HTTPS POST of reports to the collector the trusted root
/// names (docs/PROTOCOL.md section 11d.2), with TLS that trusts the collector's own <c>tlsAnchors</c> only
/// (plus, for a local test collector, extra CAs this run names), checked by
/// <see cref="PinnedCertificateValidator"/> as the site's transport checks the site. A new collector gets a
/// new client, so no connection outlives a change of its pins. Redirects are not followed.
/// </summary>
public sealed class PinnedReportTransport : IReportTransport, IDisposable
{
    private readonly IReadOnlyList<string> _extraCaPems;
    private HttpClient? _client;
    private Uri? _url;

    /// <param name="extraCaPems">CAs trusted for the collector in addition to the root's (a local TEST CA); none on a real device.</param>
    public PinnedReportTransport(IReadOnlyList<string>? extraCaPems = null)
    {
        _extraCaPems = extraCaPems ?? [];
    }

    /// <summary>POSTs made (including those that failed).</summary>
    public int Posts { get; private set; }

    public void UseCollector(TrustedCollector collector)
    {
        ArgumentNullException.ThrowIfNull(collector);
        var pems = Enumerable.Range(0, collector.TlsAnchorCount).Select(collector.GetTlsAnchor).Concat(_extraCaPems).ToList();
        PinnedAnchorSet anchors;
        try
        {
            anchors = PinnedAnchorSet.FromPem(pems);
        }
        catch (ArgumentException e)
        {
            // Fail closed: no client, every POST fails until a root names usable anchors.
            _client?.Dispose();
            _client = null;
            _url = null;
            Problem = $"the collector's pinned CA set is unusable ({e.Message})";
            return;
        }
        var host = new Uri(collector.Url).Host;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            SslOptions = new SslClientAuthenticationOptions
            {
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                CertificateChainPolicy = anchors.CreateChainPolicy(),
                RemoteCertificateValidationCallback = (_, certificate, chain, _) =>
                    PinnedCertificateValidator.Check(certificate as X509Certificate2,
                        chain is null ? [] : chain.ChainPolicy.ExtraStore.Cast<X509Certificate2>(), host, anchors).IsTrusted,
            },
        };
        _client?.Dispose();
        _client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _url = new Uri(collector.ReportsUrl);
        Problem = null;
    }

    /// <summary>Why POSTs fail before they are sent, or null.</summary>
    public string? Problem { get; private set; } = "no collector has been named yet";

    public int Post(string deviceId, string mac, byte[] body, int count, int timeoutMilliseconds)
    {
        Posts++;
        if (_client is null || _url is null) throw new TransportException("POST of a report not sent: " + Problem + ".");
        using var request = new HttpRequestMessage(HttpMethod.Post, _url);
        request.Headers.ConnectionClose = true;
        request.Headers.TryAddWithoutValidation("X-SecureOta-Device", deviceId);
        request.Headers.TryAddWithoutValidation("X-SecureOta-Mac", mac);
        request.Content = new ByteArrayContent(body, 0, count);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var timeout = new CancellationTokenSource(Math.Max(1, timeoutMilliseconds));
        try
        {
            using var response = _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).GetAwaiter().GetResult();
            return (int)response.StatusCode;
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested)
        {
            throw new TransportException($"POST {_url} timed out after {timeoutMilliseconds} ms.", e);
        }
        catch (HttpRequestException e)
        {
            var tls = e.InnerException as AuthenticationException;
            throw new TransportException($"POST {_url} failed{(tls is null ? "" : " in the TLS handshake (the collector's certificate is not under its pinned CAs?)")}: {e.Message}", e);
        }
    }

    public void Dispose() => _client?.Dispose();
}
