using System.Text.RegularExpressions;

namespace SecureOta.Build.Fleet;

/// <summary>
/// The kind a <c>.pub</c> file declares: NewKey writes its first line as
/// <c># SecureOta ed25519 public key, key id ...</c> or <c># SecureOta x25519 public key, recipient id ...</c>.
/// Both are 64 hex digits below that line, so only the header tells a signing key from a recipient key.
/// </summary>
public static partial class PublicKeyFileKind
{
    public const string Ed25519 = "ed25519";
    public const string X25519 = "x25519";

    /// <summary>"ed25519", "x25519", or null when the file has no such header (a key typed in by hand).</summary>
    public static string? Declared(string path)
    {
        foreach (var line in File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            if (!line.StartsWith('#')) return null;
            var match = Header().Match(line);
            if (match.Success) return match.Groups[1].Value.ToLowerInvariant();
        }

        return null;
    }

    [GeneratedRegex(@"^#\s*SecureOta\s+(ed25519|x25519)\s+public key", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Header();
}
