using System.Security.Cryptography;
using System.Text;

namespace SecureOta.Collector.Summary;

/// <summary>
/// Checks "Authorization: Bearer &lt;token&gt;" in constant time. Both sides are hashed first, so the
/// comparison takes the same time whatever the presented token's length or content.
/// </summary>
public sealed class BearerToken(string? token)
{
    private readonly byte[]? _expected = string.IsNullOrEmpty(token) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public bool IsConfigured => _expected is not null;

    public bool Accepts(string? authorizationHeader)
    {
        if (_expected is null || authorizationHeader is null) return false;
        const string scheme = "Bearer ";
        if (!authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(authorizationHeader[scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(presented, _expected);
    }
}
