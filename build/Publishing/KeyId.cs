using System.Security.Cryptography;

namespace SecureOta.Build.Publishing;

/// <summary>
/// Key identifiers of docs/PROTOCOL.md section 2.2: the lowercase hex SHA-256 of a 32-byte public key.
/// The same function names Ed25519 signing keys (envelope <c>keyid</c>, root <c>keys[].id</c>) and
/// X25519 recipients (the wrapped key file name).
/// </summary>
public static class KeyId
{
    /// <summary>Length of every public key the protocol identifies.</summary>
    public const int PublicKeySize = 32;

    /// <summary>hex(SHA256(publicKey)), 64 lowercase hex characters.</summary>
    public static string Of(byte[] publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        if (publicKey.Length != PublicKeySize)
            throw new ArgumentException($"a public key is {PublicKeySize} bytes, not {publicKey.Length}", nameof(publicKey));
        return Convert.ToHexStringLower(SHA256.HashData(publicKey));
    }
}
