using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SecureOta.Device.Host.Http;

/// <summary>
/// The CA certificates a transport trusts, parsed from the PEM strings of a verified root's
/// <c>tlsAnchors</c>. Only root CAs may be pinned (self-issued, not marked "not a CA"), never a leaf or
/// an intermediate, because the site's leaf and intermediates change with every renewal. Immutable, so
/// a handshake can take a snapshot while the device swaps in the set of a newer root.
/// </summary>
public sealed class PinnedAnchorSet
{
    private const string ServerAuthenticationOid = "1.3.6.1.5.5.7.3.1";

    private readonly X509Certificate2[] _roots;

    private PinnedAnchorSet(X509Certificate2[] roots)
    {
        _roots = roots;
        SubjectNames = roots.Select(r => r.Subject).ToArray();
    }

    /// <summary>The pinned CAs' subject names, in the order given; used in error messages.</summary>
    public IReadOnlyList<string> SubjectNames { get; }

    public int Count => _roots.Length;

    /// <summary>
    /// Parses every certificate in <paramref name="pemStrings"/> (a string may hold several). Throws
    /// <see cref="ArgumentException"/> for an empty set, a string without a certificate, a malformed
    /// certificate, or a certificate that is not a root CA: the pin set comes from signed metadata, so a
    /// bad one is the caller's mistake, not a network condition.
    /// </summary>
    public static PinnedAnchorSet FromPem(IEnumerable<string> pemStrings)
    {
        ArgumentNullException.ThrowIfNull(pemStrings);
        var roots = new List<X509Certificate2>();
        int index = 0;
        foreach (var pem in pemStrings)
        {
            if (pem is null) throw new ArgumentException($"Pinned CA #{index} is null.", nameof(pemStrings));
            var parsed = new X509Certificate2Collection();
            try
            {
                parsed.ImportFromPem(pem);
            }
            catch (CryptographicException e)
            {
                throw new ArgumentException($"Pinned CA #{index} is not a valid PEM certificate: {e.Message}", nameof(pemStrings), e);
            }
            if (parsed.Count == 0) throw new ArgumentException($"Pinned CA #{index} holds no PEM certificate.", nameof(pemStrings));
            foreach (var certificate in parsed)
            {
                RequireRootCa(certificate, index);
                roots.Add(certificate);
            }
            index++;
        }
        if (roots.Count == 0) throw new ArgumentException("The pinned CA set is empty: a transport would trust nothing.", nameof(pemStrings));
        return new PinnedAnchorSet(roots.ToArray());
    }

    /// <summary>"[CN=A; CN=B]": names the set in messages so a refused connection says what was trusted.</summary>
    public string Describe() => "[" + string.Join("; ", SubjectNames) + "]";

    /// <summary>True when <paramref name="certificate"/> is one of the pinned CAs (same DER bytes).</summary>
    public bool Contains(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return _roots.Any(r => r.RawDataMemory.Span.SequenceEqual(certificate.RawDataMemory.Span));
    }

    /// <summary>
    /// A chain policy that trusts only the pinned CAs: no system store, no revocation (a device cannot
    /// check it either), no fetching of missing intermediates, and the server-authentication usage.
    /// A new policy each time, because X509ChainPolicy is mutable.
    /// </summary>
    public X509ChainPolicy CreateChainPolicy()
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
            DisableCertificateDownloads = true,
        };
        policy.CustomTrustStore.AddRange(_roots);
        policy.ApplicationPolicy.Add(new Oid(ServerAuthenticationOid));
        return policy;
    }

    private static void RequireRootCa(X509Certificate2 certificate, int index)
    {
        bool selfIssued = certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);
        var constraints = certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
        if (!selfIssued || constraints is { CertificateAuthority: false })
        {
            throw new ArgumentException(
                $"Pinned CA #{index} ('{certificate.Subject}') is not a root CA. Pin root CAs only, never a leaf or an intermediate.",
                "pemStrings");
        }
    }
}
