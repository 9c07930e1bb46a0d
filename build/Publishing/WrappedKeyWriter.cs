using System.Security.Cryptography;
using SecureOta.Build.Crypto;
using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Host;

namespace SecureOta.Build.Publishing;

/// <summary>
/// Wraps a release's content key for one recipient (docs/PROTOCOL.md section 8): X25519 with an
/// ephemeral key, HKDF-SHA256 to a key-encryption key, RFC 3394 AES-128 key wrap. The build needs only
/// the recipient's public key. The ephemeral private key comes from the caller
/// (<see cref="ContentKeyDerivation.EphemeralPrivateKey"/>) so the file is reproducible.
/// </summary>
public static class WrappedKeyWriter
{
    public const byte FormatVersion = 0x01;
    public const int FileSize = ProtocolLimits.WrappedKeyFileSize;
    public const int KeyCheckSize = 16;

    private const int KekSize = 16;
    private const int WrappedSize = 24;

    /// <summary>
    /// The 57-byte wrapped key file for <paramref name="recipientPublicKey"/>. Throws
    /// <see cref="ArgumentException"/> when the recipient key has low order (an all-zero shared secret,
    /// which the device would reject).
    /// </summary>
    public static WrappedKey Write(byte[] contentKey, byte[] recipientPublicKey, byte[] ephemeralPrivateKey)
    {
        ByteArguments.RequireLength(contentKey, ContentKeyDerivation.ContentKeySize, nameof(contentKey));
        ByteArguments.RequireLength(recipientPublicKey, KeyId.PublicKeySize, nameof(recipientPublicKey));
        ByteArguments.RequireLength(ephemeralPrivateKey, ContentKeyDerivation.EphemeralPrivateKeySize, nameof(ephemeralPrivateKey));

        using var ephemeral = X25519KeyPair.FromPrivateKey(ephemeralPrivateKey);
        byte[] ephemeralPublic = ephemeral.PublicKey;
        // SharedSecret refuses a low-order recipient key (an all-zero Z, which the device would reject).
        byte[] sharedSecret = ephemeral.SharedSecret(recipientPublicKey);
        byte[] kek = [];
        try
        {
            kek = HKDF.DeriveKey(HashAlgorithmName.SHA256, sharedSecret, KekSize,
                salt: [.. ephemeralPublic, .. recipientPublicKey], info: DigestKeys.KeyWrapInfo);
            using var aes = new DotNetAes128();
            byte[] wrapped = AesKeyWrap.Wrap(aes, kek, contentKey);
            if (wrapped.Length != WrappedSize)
                throw new CryptographicException($"AES key wrap of a 16-byte key gave {wrapped.Length} bytes, not {WrappedSize}");

            byte[] file = [FormatVersion, .. ephemeralPublic, .. wrapped];
            return new WrappedKey(KeyId.Of(recipientPublicKey), file);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(sharedSecret);
            CryptographicOperations.ZeroMemory(kek);
        }
    }

    /// <summary>release.keyCheck = HMAC(CK, "SecureOta/v1/key-check")[0..16).</summary>
    public static byte[] KeyCheck(byte[] contentKey)
    {
        ByteArguments.RequireLength(contentKey, ContentKeyDerivation.ContentKeySize, nameof(contentKey));
        return HMACSHA256.HashData(contentKey, DigestKeys.KeyCheckLabel)[..KeyCheckSize];
    }
}
