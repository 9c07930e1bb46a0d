using System.Security.Cryptography;
using System.Text;

namespace SecureOta.Build.Publishing;

/// <summary>
/// The build-side derivations of docs/PROTOCOL.md section 10. Every per-release secret is derived from
/// the 32-byte content-key secret S, which is no signing key: rotating a signing key changes no content
/// key, and rotating S changes only the releases built after it. A rebuild from the same inputs and
/// secrets writes the same bytes (content-addressed blobs keep their names, caches stay valid) and no
/// random number generator or key store is needed. Rollout salts depend on no secret at all, so the
/// devices in a staged rollout stay the same across every key rotation. Results are fresh arrays the
/// caller owns and should clear after use.
/// </summary>
public static class ContentKeyDerivation
{
    public const int SeedSize = 32;
    public const int ContentKeySize = 16;
    public const int IvSize = 16;
    public const int EphemeralPrivateKeySize = 32;
    public const int RolloutSaltSize = 16;

    private static readonly byte[] ContentKeyLabel = "SecureOta/v2/content-key"u8.ToArray();
    private static readonly byte[] IvLabel = "SecureOta/v2/iv"u8.ToArray();
    private static readonly byte[] EphemeralLabel = "SecureOta/v2/ephemeral"u8.ToArray();
    private static readonly byte[] RolloutSaltLabel = "SecureOta/v2/rollout-salt"u8.ToArray();

    /// <summary>CK = HKDF(ikm = S, salt = "", info = "SecureOta/v2/content-key" || 0x00 || v, L = 16).</summary>
    public static byte[] ContentKey(byte[] contentSecret, string version)
    {
        CheckSeed(contentSecret);
        byte[] info = Join(ContentKeyLabel, Name(version, nameof(version)));
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, contentSecret, ContentKeySize, salt: [], info: info);
    }

    /// <summary>iv = HMAC(CK, "SecureOta/v2/iv" || 0x00 || SHA256(P))[0..16) for an artifact's plain bytes P.</summary>
    public static byte[] ArtifactIv(byte[] contentKey, byte[] plain)
    {
        ArgumentNullException.ThrowIfNull(plain);
        return ArtifactIvFromSha256(contentKey, SHA256.HashData(plain));
    }

    /// <summary>The same iv from SHA256(P), when the caller already has it.</summary>
    public static byte[] ArtifactIvFromSha256(byte[] contentKey, byte[] plainSha256)
    {
        ByteArguments.RequireLength(contentKey, ContentKeySize, nameof(contentKey));
        ByteArguments.RequireLength(plainSha256, SHA256.HashSizeInBytes, nameof(plainSha256));
        byte[] mac = HMACSHA256.HashData(contentKey, Join(IvLabel, plainSha256));
        return mac[..IvSize];
    }

    /// <summary>
    /// The ephemeral X25519 private key of the wrapped key file for recipient R of release v:
    /// HKDF(ikm = S, salt = "", info = "SecureOta/v2/ephemeral" || 0x00 || v || 0x00 || R, L = 32),
    /// where R is the recipient's 32-byte X25519 public key (the <c>R</c> of section 8). Distinct per
    /// recipient and per release, so no two wrapped keys share a key-encryption key.
    /// </summary>
    public static byte[] EphemeralPrivateKey(byte[] contentSecret, string version, byte[] recipientPublicKey)
    {
        CheckSeed(contentSecret);
        ByteArguments.RequireLength(recipientPublicKey, KeyId.PublicKeySize, nameof(recipientPublicKey));
        byte[] info = Join(EphemeralLabel, Name(version, nameof(version)), recipientPublicKey);
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, contentSecret, EphemeralPrivateKeySize, salt: [], info: info);
    }

    /// <summary>
    /// rollout.salt = SHA256("SecureOta/v2/rollout-salt" || 0x00 || p || 0x00 || c || 0x00 || v)[0..16) for product p,
    /// channel c and release v: public and stable, so a cohort never changes when a key rotates, while
    /// each release still samples devices afresh.
    /// </summary>
    public static byte[] RolloutSalt(string product, string channel, string version)
    {
        byte[] message = Join(RolloutSaltLabel, Name(product, nameof(product)), Name(channel, nameof(channel)), Name(version, nameof(version)));
        return SHA256.HashData(message)[..RolloutSaltSize];
    }

    /// <summary>label || 0x00 || part1 || 0x00 || part2 ...: the 0x00 separators keep the fields apart.</summary>
    private static byte[] Join(byte[] label, params byte[][] parts)
    {
        var result = new List<byte>(label);
        foreach (byte[] part in parts)
        {
            result.Add(0x00);
            result.AddRange(part);
        }
        return result.ToArray();
    }

    /// <summary>UTF-8 of a version or channel name. A 0x00 inside it would make the framing ambiguous.</summary>
    private static byte[] Name(string value, string parameter)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, parameter);
        if (value.Contains('\0')) throw new ArgumentException("a name must not contain U+0000", parameter);
        return Encoding.UTF8.GetBytes(value);
    }

    private static void CheckSeed(byte[] contentSecret)
    {
        ByteArguments.RequireLength(contentSecret, SeedSize, nameof(contentSecret));
    }
}
