using System.Security.Cryptography;

namespace SecureOta.Build.Keys;

/// <summary>
/// A registered recipient of wrapped content keys: a name for people, its kind, and its X25519 public
/// key. The site names its wrapped key only by <see cref="Id"/>, never by <see cref="Name"/>.
/// </summary>
public sealed record Recipient(string Name, RecipientKind Kind, byte[] PublicKey)
{
    /// <summary>hex(SHA256(public key)): the file name of the recipient's wrapped keys (PROTOCOL.md 2.2).</summary>
    public string Id => Convert.ToHexStringLower(SHA256.HashData(PublicKey));
}
