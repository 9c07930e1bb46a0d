using System.Security.Cryptography;
using System.Text;
using SecureOta.Build.Crypto;
using SecureOta.Build.Publishing;
using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Host;

namespace SecureOta.Tests.Publishing;

/// <summary>The 57-byte wrapped key file of docs/PROTOCOL.md section 8, unwrapped as a recipient would.</summary>
public sealed class WrappedKeyWriterTests
{
    private static readonly byte[] ContentKey = ContentKeyDerivation.ContentKey(PublishingSamples.ReleaseSeed(), "1.2.0");

    [Fact]
    public void Recipient_unwraps_the_content_key_with_its_private_key()
    {
        using X25519KeyPair recipient = X25519KeyPair.FromPrivateKey(PublishingSamples.TestSecret(100));

        WrappedKey wrapped = Wrap(recipient.PublicKey);

        byte[] file = wrapped.Bytes;
        Assert.Equal(57, file.Length);
        Assert.Equal(0x01, file[0]);
        byte[] ephemeralPublic = file[1..33];
        byte[] z = recipient.SharedSecret(ephemeralPublic);
        byte[] kek = HKDF.DeriveKey(HashAlgorithmName.SHA256, z, 16, [.. ephemeralPublic, .. recipient.PublicKey],
            Encoding.UTF8.GetBytes("SecureOta/v1/key-wrap"));
        using var aes = new DotNetAes128();
        Assert.True(AesKeyWrap.TryUnwrap(aes, kek, file[33..], out byte[] unwrapped));
        Assert.Equal(ContentKey, unwrapped);
    }

    [Fact]
    public void Another_recipients_key_cannot_unwrap_the_file()
    {
        using X25519KeyPair recipient = X25519KeyPair.FromPrivateKey(PublishingSamples.TestSecret(100));
        using X25519KeyPair stranger = X25519KeyPair.FromPrivateKey(PublishingSamples.TestSecret(101));
        byte[] file = Wrap(recipient.PublicKey).Bytes;

        byte[] ephemeralPublic = file[1..33];
        byte[] kek = HKDF.DeriveKey(HashAlgorithmName.SHA256, stranger.SharedSecret(ephemeralPublic), 16,
            [.. ephemeralPublic, .. stranger.PublicKey], Encoding.UTF8.GetBytes("SecureOta/v1/key-wrap"));
        using var aes = new DotNetAes128();
        Assert.False(AesKeyWrap.TryUnwrap(aes, kek, file[33..], out _));
    }

    [Fact]
    public void Ephemeral_public_key_in_the_file_belongs_to_the_given_private_key()
    {
        using X25519KeyPair recipient = X25519KeyPair.FromPrivateKey(PublishingSamples.TestSecret(100));
        byte[] ephemeralPrivate = Ephemeral(recipient.PublicKey);
        using X25519KeyPair ephemeral = X25519KeyPair.FromPrivateKey(ephemeralPrivate);

        byte[] file = WrappedKeyWriter.Write(ContentKey, recipient.PublicKey, ephemeralPrivate).Bytes;

        Assert.Equal(ephemeral.PublicKey, file[1..33]);
    }

    [Fact]
    public void Recipient_id_is_hex_sha256_of_the_public_key_and_names_the_site_path()
    {
        using X25519KeyPair recipient = X25519KeyPair.FromPrivateKey(PublishingSamples.TestSecret(100));

        WrappedKey wrapped = Wrap(recipient.PublicKey);

        string expected = Convert.ToHexStringLower(SHA256.HashData(recipient.PublicKey));
        Assert.Equal(expected, wrapped.RecipientId);
        Assert.Equal("keys/1.2.0/" + expected, wrapped.SitePath("1.2.0"));
    }

    [Fact]
    public void Same_inputs_give_the_same_file()
    {
        using X25519KeyPair recipient = X25519KeyPair.FromPrivateKey(PublishingSamples.TestSecret(100));

        Assert.Equal(Wrap(recipient.PublicKey).Bytes, Wrap(recipient.PublicKey).Bytes);
    }

    [Fact]
    public void Key_check_is_the_truncated_hmac_of_the_label_under_the_content_key()
    {
        byte[] keyCheck = WrappedKeyWriter.KeyCheck(ContentKey);

        Assert.Equal(HMACSHA256.HashData(ContentKey, Encoding.UTF8.GetBytes("SecureOta/v1/key-check"))[..16], keyCheck);
        Assert.NotEqual(keyCheck, WrappedKeyWriter.KeyCheck(ContentKeyDerivation.ContentKey(PublishingSamples.ReleaseSeed(), "1.2.1")));
    }

    [Fact]
    public void Refuses_a_low_order_recipient_key_that_would_give_an_all_zero_secret()
    {
        byte[] lowOrder = new byte[32];
        lowOrder[0] = 1;

        Assert.Throws<ArgumentException>(() => WrappedKeyWriter.Write(ContentKey, lowOrder, Ephemeral(lowOrder)));
    }

    private static byte[] Ephemeral(byte[] recipientPublicKey) =>
        ContentKeyDerivation.EphemeralPrivateKey(PublishingSamples.ReleaseSeed(), "1.2.0", recipientPublicKey);

    private static WrappedKey Wrap(byte[] recipientPublicKey) =>
        WrappedKeyWriter.Write(ContentKey, recipientPublicKey, Ephemeral(recipientPublicKey));
}
