using System.Security.Cryptography;
using System.Text;
using SecureOta.Build.Crypto;

namespace SecureOta.Tests.Device.Support;

/// <summary>
/// A test-side writer of the wrapped key file of docs/PROTOCOL.md section 8: NSec X25519, .NET
/// HKDF, and RFC 3394 key wrap written here over .NET's AES-ECB, independent of the device core.
/// </summary>
public static class TestKeyWrap
{
    private static readonly byte[] Info = Encoding.UTF8.GetBytes("SecureOta/v1/key-wrap");

    /// <summary>The 57-byte file wrapping contentKey for the recipient's X25519 public key.</summary>
    public static byte[] Wrap(byte[] contentKey, byte[] recipientPublicKey)
    {
        using X25519KeyPair ephemeral = X25519KeyPair.Generate();
        byte[] e = ephemeral.PublicKey;
        byte[] z = ephemeral.SharedSecret(recipientPublicKey);
        byte[] kek = HKDF.DeriveKey(HashAlgorithmName.SHA256, z, 16, salt: [.. e, .. recipientPublicKey], info: Info);
        return [0x01, .. e, .. AesKeyWrap(kek, contentKey)];
    }

    /// <summary>RFC 3394 section 2.2.1 with the default IV, for a 16-byte key.</summary>
    public static byte[] AesKeyWrap(byte[] kek, byte[] key)
    {
        using var aes = Aes.Create();
        aes.Key = kek;
        byte[] a = [0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6, 0xA6];
        byte[][] r = [key[..8], key[8..16]];
        for (int j = 0; j <= 5; j++)
        {
            for (int i = 1; i <= 2; i++)
            {
                byte[] b = aes.EncryptEcb((byte[])[.. a, .. r[i - 1]], PaddingMode.None);
                a = b[..8];
                a[7] ^= (byte)(2 * j + i);
                r[i - 1] = b[8..];
            }
        }
        return [.. a, .. r[0], .. r[1]];
    }
}
