using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SecureOta.Tests.Https;

/// <summary>
/// Certificates for offline chain tests: a root, an intermediate it signed and a leaf the intermediate
/// signed (with its key, so a server can use it), with choices for the leaf's name, dates and usage.
/// Keys are ephemeral, never saved.
/// </summary>
internal sealed class TestChain : IDisposable
{
    private const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    private readonly List<IDisposable> _owned = [];

    public TestChain(string label, string leafName = "127.0.0.1", bool serverUsage = true, DateTimeOffset? leafNotAfter = null)
    {
        var now = DateTimeOffset.UtcNow;
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rootRequest = new CertificateRequest($"CN={label} TEST root", rootKey, HashAlgorithmName.SHA256);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        Root = Own(rootRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30)));

        using var intermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var intermediateRequest = new CertificateRequest($"CN={label} TEST intermediate", intermediateKey, HashAlgorithmName.SHA256);
        intermediateRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        intermediateRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        using var intermediatePublic = intermediateRequest.Create(Root, now.AddDays(-1), now.AddDays(20), [1, 2, 3, 4]);
        Intermediate = Own(intermediatePublic.CopyWithPrivateKey(intermediateKey));

        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest($"CN={leafName}", leafKey, HashAlgorithmName.SHA256);
        leafRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        leafRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(serverUsage ? ServerAuth : ClientAuth)], false));
        var names = new SubjectAlternativeNameBuilder();
        if (System.Net.IPAddress.TryParse(leafName, out var address)) names.AddIpAddress(address);
        else names.AddDnsName(leafName);
        leafRequest.CertificateExtensions.Add(names.Build());
        using var leafPublic = leafRequest.Create(Intermediate, now.AddDays(-1), leafNotAfter ?? now.AddDays(10), [5, 6, 7, 8]);
        Leaf = Own(leafPublic.CopyWithPrivateKey(leafKey));
    }

    public X509Certificate2 Root { get; }

    public X509Certificate2 Intermediate { get; }

    public X509Certificate2 Leaf { get; }

    public string RootPem => Root.ExportCertificatePem();

    public void Dispose()
    {
        foreach (var item in _owned) item.Dispose();
    }

    private X509Certificate2 Own(X509Certificate2 certificate)
    {
        _owned.Add(certificate);
        return certificate;
    }
}
