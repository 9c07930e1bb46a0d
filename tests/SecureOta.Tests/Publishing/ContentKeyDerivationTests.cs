using System.Security.Cryptography;
using System.Text;
using SecureOta.Build.Publishing;

namespace SecureOta.Tests.Publishing;

/// <summary>docs/PROTOCOL.md section 10, recomputed here from RFC 5869 written out by hand.</summary>
public sealed class ContentKeyDerivationTests
{
    [Fact]
    public void Content_key_is_hkdf_of_the_seed_with_the_labelled_version()
    {
        byte[] seed = PublishingSamples.ReleaseSeed();

        byte[] key = ContentKeyDerivation.ContentKey(seed, "1.2.0");

        Assert.Equal(HandHkdf(seed, Concat("SecureOta/v2/content-key\01.2.0"), 16), key);
    }

    [Fact]
    public void Same_seed_and_version_give_the_same_content_key()
    {
        Assert.Equal(ContentKeyDerivation.ContentKey(PublishingSamples.ReleaseSeed(), "1.2.0"),
            ContentKeyDerivation.ContentKey(PublishingSamples.ReleaseSeed(), "1.2.0"));
    }

    [Fact]
    public void Different_version_gives_a_different_content_key()
    {
        Assert.NotEqual(ContentKeyDerivation.ContentKey(PublishingSamples.ReleaseSeed(), "1.2.0"),
            ContentKeyDerivation.ContentKey(PublishingSamples.ReleaseSeed(), "1.2.1"));
    }

    [Fact]
    public void Rotated_seed_gives_a_different_content_key()
    {
        Assert.NotEqual(ContentKeyDerivation.ContentKey(PublishingSamples.ReleaseSeed(), "1.2.0"),
            ContentKeyDerivation.ContentKey(PublishingSamples.OtherReleaseSeed(), "1.2.0"));
    }

    [Fact]
    public void Iv_is_the_truncated_hmac_of_the_plain_sha256_under_the_content_key()
    {
        byte[] key = ContentKeyDerivation.ContentKey(PublishingSamples.ReleaseSeed(), "1.2.0");
        byte[] plain = PublishingSamples.Image(5000);

        byte[] iv = ContentKeyDerivation.ArtifactIv(key, plain);

        byte[] expected = HMACSHA256.HashData(key, (byte[])[.. Concat("SecureOta/v2/iv\0"), .. SHA256.HashData(plain)])[..16];
        Assert.Equal(expected, iv);
        Assert.Equal(iv, ContentKeyDerivation.ArtifactIvFromSha256(key, SHA256.HashData(plain)));
    }

    [Fact]
    public void Ephemeral_key_is_hkdf_over_version_and_recipient_public_key()
    {
        byte[] seed = PublishingSamples.ReleaseSeed();
        byte[] recipient = PublishingSamples.TestSecret(7);

        byte[] ephemeral = ContentKeyDerivation.EphemeralPrivateKey(seed, "1.2.0", recipient);

        Assert.Equal(HandHkdf(seed, [.. Concat("SecureOta/v2/ephemeral\01.2.0\0"), .. recipient], 32), ephemeral);
    }

    [Fact]
    public void Each_recipient_gets_its_own_ephemeral_key()
    {
        byte[] seed = PublishingSamples.ReleaseSeed();

        Assert.NotEqual(ContentKeyDerivation.EphemeralPrivateKey(seed, "1.2.0", PublishingSamples.TestSecret(1)),
            ContentKeyDerivation.EphemeralPrivateKey(seed, "1.2.0", PublishingSamples.TestSecret(2)));
    }

    [Fact]
    public void Rollout_salt_is_the_truncated_sha256_of_product_channel_and_version_and_needs_no_secret()
    {
        byte[] salt = ContentKeyDerivation.RolloutSalt("acme", "beta", "1.2.0");

        Assert.Equal(SHA256.HashData(Concat("SecureOta/v2/rollout-salt\0acme\0beta\01.2.0"))[..16], salt);
        Assert.NotEqual(salt, ContentKeyDerivation.RolloutSalt("acme", "stable", "1.2.0"));
        Assert.NotEqual(salt, ContentKeyDerivation.RolloutSalt("other", "beta", "1.2.0"));
    }

    [Fact]
    public void Rejects_a_version_containing_nul_that_would_blur_the_framing()
    {
        Assert.Throws<ArgumentException>(() => ContentKeyDerivation.RolloutSalt("acme", "beta", "1.2.0\0x"));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(64)]
    public void Rejects_a_seed_that_is_not_32_bytes(int length)
    {
        Assert.Throws<ArgumentException>(() => ContentKeyDerivation.ContentKey(new byte[length], "1.0.0"));
    }

    private static byte[] Concat(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>RFC 5869 with an empty salt (HashLen zero bytes) and L of at most 32: one expand block.</summary>
    private static byte[] HandHkdf(byte[] ikm, byte[] info, int length)
    {
        byte[] prk = HMACSHA256.HashData(new byte[32], ikm);
        byte[] t1 = HMACSHA256.HashData(prk, (byte[])[.. info, 0x01]);
        return t1[..length];
    }
}
