using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SecureOta.Build.Frosting;

namespace SecureOta.Build.Fleet;

/// <summary>
/// Fetches the certificate chain a site presents: a TLS handshake with the host name as SNI, which
/// records the leaf and the certificates sent with it, accepts whatever came (the verdict is
/// <see cref="PinCheck"/>'s, against the pins) and closes without sending a request.
/// </summary>
public static class TlsChainProbe
{
    public static TlsChain Fetch(string host, int port, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            return FetchAsync(host, port, cancel.Token).GetAwaiter().GetResult();
        }
        catch (Exception exception) when (exception is SocketException or IOException or AuthenticationException or OperationCanceledException)
        {
            throw new BuildException(BuildErrorCode.PinCheckFailed,
                $"No TLS handshake with {host}:{port}: {(exception is OperationCanceledException ? $"no answer within {timeout.TotalSeconds:0} s" : exception.Message)}.",
                "Check the URL and that the site is up (devices cannot reach it either if this persists); run again to rule out a passing network fault.", exception);
        }
    }

    private static async Task<TlsChain> FetchAsync(string host, int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
        X509Certificate2? leaf = null;
        var presented = new List<X509Certificate2>();
        await using var tls = new SslStream(client.GetStream(), leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = host,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = (_, certificate, chain, _) =>
            {
                // Copies: the handshake's own objects are disposed with the stream.
                if (certificate is not null) leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
                if (chain is not null)
                {
                    presented.AddRange(chain.ChainPolicy.ExtraStore.Select(c => X509CertificateLoader.LoadCertificate(c.RawData)));
                }

                // Nothing is sent over this connection; the chain is judged afterwards against the pins.
                return true;
            },
        };
        await tls.AuthenticateAsClientAsync(options, cancellationToken).ConfigureAwait(false);
        return leaf is null
            ? throw new AuthenticationException($"{host} presented no certificate")
            : new TlsChain(host, port, leaf, presented);
    }
}
