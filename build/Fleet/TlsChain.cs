using System.Security.Cryptography.X509Certificates;

namespace SecureOta.Build.Fleet;

/// <summary>What a site presented in its TLS handshake: the leaf certificate and the other certificates it sent (intermediates).</summary>
public sealed record TlsChain(string Host, int Port, X509Certificate2 Leaf, IReadOnlyList<X509Certificate2> Presented) : IDisposable
{
    public void Dispose()
    {
        Leaf.Dispose();
        foreach (var certificate in Presented) certificate.Dispose();
    }
}
