using System.Security.Cryptography;
using System.Text;

namespace SecureOta.Build.Publishing;

/// <summary>
/// The build-side derivations of docs/PROTOCOL.md section 10. Every per-release secret is derived from
/// the first release signing key's 32-byte seed, so a rebuild from the same inputs and secrets writes
/// the same bytes (content-addressed blobs keep their names, caches stay valid) and no random number
/// generator or key store is needed. Results are fresh arrays the caller owns and should clear after use.
/// </summary>
public static class ContentKeyDerivation
{
    public const int SeedSize = 32;
    public const int ContentKeySize = 16;
    public const int IvSize = 16;
    public const int EphemeralPrivateKeySize = 32;
    public const int RolloutSaltSize = 16;

    private static readonly byte[] ContentKeyLabel = "SecureOta/v1/content-key"u8.ToArray();
    private static readonly byte[] IvLabel = "SecureOta/v1/iv"u8.ToArray();
    private static readonly byte[] EphemeralLabel = "SecureOta/v1/ephemeral"u8.ToArray();
    private static readonly byte[] RolloutSaltLabel = "SecureOta/v1/rollout-salt"u8.ToArray();

    /// <summary>CK = HKDF(ikm = S, salt = "", info = "SecureOta/v1/content-key" || 0x00 || v, L = 16).</summary>
    public static byte[] ContentKey(byte[] releaseSeed, string version)
    {
        CheckSeed(releaseSeed);
        byte[] info = Join(ContentKeyLabel, Name(version, nameof(version)));
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, releaseSeed, ContentKeySize, salt: [], info: info);
    }

    /// <summary>iv = HMAC(CK, "SecureOta/v1/iv" || 0x00 || SHA256(P))[0..16) for an artifact's plain bytes P.</summary>
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
    /// HKDF(ikm = S, salt = "", info = "SecureOta/v1/ephemeral" || 0x00 || v || 0x00 || R, L = 32),
    /// where R is the recipient's 32-byte X25519 public key (the <c>R</c> of section 8). Distinct per
    /// recipient and per release, so no two wrapped keys share a key-encryption key.
    /// </summary>
    public static byte[] EphemeralPrivateKey(byte[] releaseSeed, string version, byte[] recipientPublicKey)
    {
        CheckSeed(releaseSeed);
        ByteArguments.RequireLength(recipientPublicKey, KeyId.PublicKeySize, nameof(recipientPublicKey));
        byte[] info = Join(EphemeralLabel, Name(version, nameof(version)), recipientPublicKey);
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, releaseSeed, EphemeralPrivateKeySize, salt: [], info: info);
    }

    /// <summary>rollout.salt = HMAC(S, "SecureOta/v1/rollout-salt" || 0x00 || c || 0x00 || v)[0..16).</summary>
    public static byte[] RolloutSalt(byte[] releaseSeed, string channel, string version)
    {
        CheckSeed(releaseSeed);
        byte[] message = Join(RolloutSaltLabel, Name(channel, nameof(channel)), Name(version, nameof(version)));
        return HMACSHA256.HashData(releaseSeed, message)[..RolloutSaltSize];
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

    private static void CheckSeed(byte[] releaseSeed)
    {
        ByteArguments.RequireLength(releaseSeed, SeedSize, nameof(releaseSeed));
    }
}
