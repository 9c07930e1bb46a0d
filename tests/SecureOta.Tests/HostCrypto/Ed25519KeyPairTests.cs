using SecureOta.Build.Crypto;

namespace SecureOta.Tests.HostCrypto;

/// <summary>NSec's Ed25519 (its bundled libsodium) through the build's wrapper, against RFC 8032 section 7.1.</summary>
public sealed class Ed25519KeyPairTests
{
    public static TheoryData<string, string, string, string> Rfc8032Vectors => new()
    {
        // TEST 1: empty message.
        {
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        },
        // TEST 2: one byte.
        {
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
        },
        // TEST 3: two bytes.
        {
            "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
            "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
            "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
        },
    };

    [Theory]
    [MemberData(nameof(Rfc8032Vectors))]
    public void Derives_rfc8032_public_key_and_signs_byte_exact(string seedHex, string publicKeyHex, string messageHex, string signatureHex)
    {
        using Ed25519KeyPair keyPair = Ed25519KeyPair.FromSeed(Convert.FromHexString(seedHex));

        Assert.Equal(publicKeyHex, Convert.ToHexStringLower(keyPair.PublicKey));
        Assert.Equal(signatureHex, Convert.ToHexStringLower(keyPair.Sign(Convert.FromHexString(messageHex))));
    }

    [Theory]
    [MemberData(nameof(Rfc8032Vectors))]
    public void Verifies_rfc8032_signature(string seedHex, string publicKeyHex, string messageHex, string signatureHex)
    {
        _ = seedHex;
        Assert.True(Ed25519KeyPair.Verify(
            Convert.FromHexString(publicKeyHex), Convert.FromHexString(messageHex), Convert.FromHexString(signatureHex)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(63)]
    public void Rejects_signature_with_flipped_bit(int byteIndex)
    {
        using Ed25519KeyPair keyPair = Ed25519KeyPair.FromSeed(Convert.FromHexString(
            "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7"));
        byte[] message = Convert.FromHexString("af82");
        byte[] signature = keyPair.Sign(message);
        Assert.True(Ed25519KeyPair.Verify(keyPair.PublicKey, message, signature));

        signature[byteIndex] ^= 0x01;

        Assert.False(Ed25519KeyPair.Verify(keyPair.PublicKey, message, signature));
    }

    [Fact]
    public void Rejects_signature_over_a_different_message()
    {
        using Ed25519KeyPair keyPair = Ed25519KeyPair.FromSeed(new byte[32]);
        byte[] signature = keyPair.Sign([1, 2, 3]);

        Assert.False(Ed25519KeyPair.Verify(keyPair.PublicKey, [1, 2, 4], signature));
    }

    [Fact]
    public void ToString_shows_public_key_but_never_the_seed()
    {
        const string seedHex = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
        using Ed25519KeyPair keyPair = Ed25519KeyPair.FromSeed(Convert.FromHexString(seedHex));

        string text = keyPair.ToString();

        Assert.Contains("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", text, StringComparison.Ordinal);
        Assert.DoesNotContain(seedHex, text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Refuses_to_sign_after_dispose()
    {
        Ed25519KeyPair keyPair = Ed25519KeyPair.FromSeed(new byte[32]);
        keyPair.Dispose();

        Assert.Throws<ObjectDisposedException>(() => keyPair.Sign([1]));
    }

    [Theory]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(64)]
    public void Rejects_seed_of_wrong_length_as_misuse(int length)
    {
        Assert.Throws<ArgumentException>(() => Ed25519KeyPair.FromSeed(new byte[length]));
    }

    [Fact]
    public void Generated_key_pairs_differ_and_sign_verifiably()
    {
        using Ed25519KeyPair first = Ed25519KeyPair.Generate();
        using Ed25519KeyPair second = Ed25519KeyPair.Generate();
        byte[] message = [42];

        Assert.NotEqual(first.PublicKey, second.PublicKey);
        Assert.True(Ed25519KeyPair.Verify(first.PublicKey, message, first.Sign(message)));
    }
}
