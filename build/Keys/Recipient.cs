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

    /// <summary>
    /// For a device: the groups whose private key it also holds (given to it at provisioning). Removing
    /// the device does not take those keys back, so they name the group keys to rotate. Empty otherwise.
    /// </summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>The kind as recipients.json spells it: device, group or fleet.</summary>
    public string KindName => Kind.ToString().ToLowerInvariant();
}
