using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace SecureOta.Build.Keys;

/// <summary>
/// Which CA certificates a new pin set adds and removes, each by subject and SHA-256 fingerprint of its
/// DER (as the dashboard and CheckPins show them), so a ceremony's reviewer sees what changed and not
/// only how many there are. Certificates are compared by fingerprint, not by their PEM text.
/// </summary>
public static class PinnedCaChange
{
    /// <summary>One line per added, then per removed certificate, in the order of each set.</summary>
    public static IEnumerable<string> Describe(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.Select(Read).ToList();
        var now = after.Select(Read).ToList();
        var oldPrints = old.Select(c => c.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var nowPrints = now.Select(c => c.Fingerprint).ToHashSet(StringComparer.Ordinal);
        foreach (var (subject, fingerprint) in now.Where(c => !oldPrints.Contains(c.Fingerprint)))
            yield return $"added CA {subject}, SHA-256 {fingerprint}";
        foreach (var (subject, fingerprint) in old.Where(c => !nowPrints.Contains(c.Fingerprint)))
            yield return $"removed CA {subject}, SHA-256 {fingerprint}";
    }

    private static (string Subject, string Fingerprint) Read(string pem)
    {
        try
        {
            using var certificate = X509Certificate2.CreateFromPem(pem);
            return (certificate.Subject, Convert.ToHexStringLower(SHA256.HashData(certificate.RawData)));
        }
        catch (CryptographicException)
        {
            // Verified roots only pin certificates; this keeps a broken file visible rather than hidden.
            return ("(a certificate that does not parse)", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(pem))));
        }
    }
}
