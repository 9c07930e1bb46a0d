using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SecureOta.Build.LocalServer;

/// <summary>
/// A TEST certificate authority for serving the site over real HTTPS on this machine: an ECDSA P-256
/// root CA and a server certificate it issued for 127.0.0.1 and localhost. The root's PEM is what a
/// test or the DEMO root pins; the server certificate (with its private key) is what Kestrel serves.
/// Nothing here is ever trusted by the system or used for a real site. Saved folders hold the private
/// keys in files named TEST-*.key (owner-only, and git-ignored by the *.key pattern).
/// </summary>
public sealed class TestCertificateAuthority : IDisposable
{
    public const string DefaultRootName = "SecureOta TEST local root CA";
    public const string RootCertificateFile = "TEST-local-root-ca.pem";
    public const string RootKeyFile = "TEST-local-root-ca.key";
    public const string ServerCertificateFile = "TEST-local-server.pem";
    public const string ServerKeyFile = "TEST-local-server.key";

    /// <summary>The names the server certificate covers: the loopback address the server binds to, and localhost.</summary>
    public static IReadOnlyList<string> LocalHostNames { get; } = ["127.0.0.1", "localhost"];

    internal static readonly TimeSpan RootLifetime = TimeSpan.FromDays(365);
    internal static readonly TimeSpan ServerLifetime = TimeSpan.FromDays(90);
    // Certificates start a little in the past so a slightly slow clock elsewhere still accepts them.
    private static readonly TimeSpan Backdate = TimeSpan.FromHours(1);

    private readonly ECDsa _rootKey;
    private ECDsa _serverKey;

    private TestCertificateAuthority(X509Certificate2 root, ECDsa rootKey, X509Certificate2 server, ECDsa serverKey)
    {
        RootCertificate = root;
        _rootKey = rootKey;
        ServerCertificate = server;
        _serverKey = serverKey;
    }

    /// <summary>The root CA certificate, with its private key (it signs server certificates).</summary>
    public X509Certificate2 RootCertificate { get; }

    /// <summary>The root CA certificate as PEM: the string to pin (a <c>tlsAnchors</c> entry).</summary>
    public string RootCertificatePem => RootCertificate.ExportCertificatePem();

    /// <summary>The server certificate for <see cref="LocalHostNames"/>, with its private key, for Kestrel.</summary>
    public X509Certificate2 ServerCertificate { get; private set; }

    public string ServerCertificatePem => ServerCertificate.ExportCertificatePem();

    /// <summary>Makes a new root CA named <paramref name="rootName"/> and a server certificate for 127.0.0.1 and localhost.</summary>
    public static TestCertificateAuthority Create(string rootName = DefaultRootName, DateTimeOffset? now = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootName);
        var start = (now ?? DateTimeOffset.UtcNow) - Backdate;
        var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(DistinguishedName(rootName), rootKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var root = request.CreateSelfSigned(start, start + RootLifetime);

        var (server, serverKey) = Issue(root, rootKey, LocalHostNames, start, start + ServerLifetime);
        return new TestCertificateAuthority(root, rootKey, server, serverKey);
    }

    /// <summary>
    /// Issues another server certificate from this root, for tests: other names (a name mismatch) or
    /// other dates (an expired certificate). The dates are clamped to the root's validity. The caller
    /// disposes the result.
    /// </summary>
    public X509Certificate2 IssueServerCertificate(IEnumerable<string> hostNames, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        ArgumentNullException.ThrowIfNull(hostNames);
        var from = notBefore ?? DateTimeOffset.UtcNow - Backdate;
        var (certificate, key) = Issue(RootCertificate, _rootKey, hostNames.ToList(), from, notAfter ?? from + ServerLifetime);
        key.Dispose();
        return certificate;
    }

    /// <summary>Replaces <see cref="ServerCertificate"/> with a fresh one for <see cref="LocalHostNames"/> (when it nears expiry).</summary>
    public void RenewServerCertificate(DateTimeOffset? now = null)
    {
        var start = (now ?? DateTimeOffset.UtcNow) - Backdate;
        var (server, key) = Issue(RootCertificate, _rootKey, LocalHostNames, start, start + ServerLifetime);
        ServerCertificate.Dispose();
        _serverKey.Dispose();
        ServerCertificate = server;
        _serverKey = key;
    }

    /// <summary>Writes the four TEST files into <paramref name="folder"/> (created if needed); key files are owner-only.</summary>
    public void Save(string folder) => TestCertificateFiles.Save(folder, RootCertificate, _rootKey, ServerCertificate, _serverKey);

    /// <summary>Reads a folder written by <see cref="Save"/>. Throws <see cref="InvalidDataException"/> when it is incomplete or inconsistent.</summary>
    public static TestCertificateAuthority Load(string folder)
    {
        var (root, rootKey, server, serverKey) = TestCertificateFiles.Load(folder);
        return new TestCertificateAuthority(root, rootKey, server, serverKey);
    }

    /// <summary>
    /// Loads the CA saved in <paramref name="folder"/>, or creates and saves one when there is none or its
    /// root expires within a week; renews and saves the server certificate when it expires within a week.
    /// </summary>
    public static TestCertificateAuthority LoadOrCreate(string folder, DateTimeOffset? now = null)
    {
        var at = now ?? DateTimeOffset.UtcNow;
        var margin = TimeSpan.FromDays(7);
        if (TestCertificateFiles.Exist(folder))
        {
            var loaded = Load(folder);
            if (loaded.RootCertificate.NotAfter.ToUniversalTime() > (at + margin).UtcDateTime)
            {
                if (loaded.ServerCertificate.NotAfter.ToUniversalTime() <= (at + margin).UtcDateTime)
                {
                    loaded.RenewServerCertificate(at);
                    loaded.Save(folder);
                }
                return loaded;
            }
            loaded.Dispose();
        }
        var created = Create(DefaultRootName, at);
        created.Save(folder);
        return created;
    }

    public void Dispose()
    {
        ServerCertificate.Dispose();
        _serverKey.Dispose();
        RootCertificate.Dispose();
        _rootKey.Dispose();
    }

    private static (X509Certificate2 Certificate, ECDsa Key) Issue(X509Certificate2 root, ECDsa rootKey, IReadOnlyList<string> hostNames,
        DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        if (hostNames.Count == 0) throw new ArgumentException("A server certificate needs at least one host name.", nameof(hostNames));
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(DistinguishedName(hostNames[0] + " (TEST)"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, true, false));
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in hostNames)
        {
            if (IPAddress.TryParse(name, out var address)) names.AddIpAddress(address);
            else names.AddDnsName(name);
        }
        request.CertificateExtensions.Add(names.Build(true));

        var from = notBefore < root.NotBefore ? new DateTimeOffset(root.NotBefore) : notBefore;
        var until = notAfter > root.NotAfter ? new DateTimeOffset(root.NotAfter) : notAfter;
        using var issued = request.Create(root.SubjectName, X509SignatureGenerator.CreateForECDsa(rootKey), from, until, SerialNumber());
        return (TestCertificateFiles.WithPrivateKey(issued, key), key);
    }

    private static X500DistinguishedName DistinguishedName(string commonName)
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddOrganizationName("SecureOta TEST ONLY");
        builder.AddCommonName(commonName);
        return builder.Build();
    }

    private static byte[] SerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x40); // positive and full length
        return serial;
    }
}
