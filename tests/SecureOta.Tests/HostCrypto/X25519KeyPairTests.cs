using SecureOta.Build.Crypto;

namespace SecureOta.Tests.HostCrypto;

/// <summary>NSec's X25519 (its bundled libsodium) through the build's wrapper, against RFC 7748 section 6.1.</summary>
public sealed class X25519KeyPairTests
{
    private const string AlicePrivate = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
    private const string AlicePublic = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
    private const string BobPrivate = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
    private const string BobPublic = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
    private const string SharedSecret = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

    [Fact]
    public void Derives_rfc7748_public_keys()
    {
        using X25519KeyPair alice = X25519KeyPair.FromPrivateKey(Convert.FromHexString(AlicePrivate));
        using X25519KeyPair bob = X25519KeyPair.FromPrivateKey(Convert.FromHexString(BobPrivate));

        Assert.Equal(AlicePublic, Convert.ToHexStringLower(alice.PublicKey));
        Assert.Equal(BobPublic, Convert.ToHexStringLower(bob.PublicKey));
    }

    [Fact]
    public void Alice_and_Bob_reach_the_rfc7748_shared_secret()
    {
        using X25519KeyPair alice = X25519KeyPair.FromPrivateKey(Convert.FromHexString(AlicePrivate));
        using X25519KeyPair bob = X25519KeyPair.FromPrivateKey(Convert.FromHexString(BobPrivate));

        Assert.Equal(SharedSecret, Convert.ToHexStringLower(alice.SharedSecret(Convert.FromHexString(BobPublic))));
        Assert.Equal(SharedSecret, Convert.ToHexStringLower(bob.SharedSecret(Convert.FromHexString(AlicePublic))));
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")] // the point 0
    [InlineData("0100000000000000000000000000000000000000000000000000000000000000")] // the point 1
    [InlineData("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800")] // order 8
    public void Rejects_low_order_peer_key_that_would_give_an_all_zero_secret(string peerHex)
    {
        using X25519KeyPair alice = X25519KeyPair.FromPrivateKey(Convert.FromHexString(AlicePrivate));

        Assert.Throws<ArgumentException>(() => alice.SharedSecret(Convert.FromHexString(peerHex)));
    }

    [Fact]
    public void ToString_shows_public_key_but_never_the_private_key()
    {
        using X25519KeyPair alice = X25519KeyPair.FromPrivateKey(Convert.FromHexString(AlicePrivate));

        string text = alice.ToString();

        Assert.Contains(AlicePublic, text, StringComparison.Ordinal);
        Assert.DoesNotContain(AlicePrivate, text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Keeps_its_own_copy_of_the_private_key()
    {
        byte[] privateKey = Convert.FromHexString(AlicePrivate);
        using X25519KeyPair alice = X25519KeyPair.FromPrivateKey(privateKey);
        Array.Clear(privateKey);

        Assert.Equal(SharedSecret, Convert.ToHexStringLower(alice.SharedSecret(Convert.FromHexString(BobPublic))));
    }

    [Fact]
    public void Generated_key_pairs_agree_on_a_shared_secret()
    {
        using X25519KeyPair first = X25519KeyPair.Generate();
        using X25519KeyPair second = X25519KeyPair.Generate();

        Assert.NotEqual(first.PublicKey, second.PublicKey);
        Assert.Equal(first.SharedSecret(second.PublicKey), second.SharedSecret(first.PublicKey));
    }

    [Fact]
    public void Refuses_key_agreement_after_dispose()
    {
        X25519KeyPair alice = X25519KeyPair.FromPrivateKey(Convert.FromHexString(AlicePrivate));
        alice.Dispose();

        Assert.Throws<ObjectDisposedException>(() => alice.SharedSecret(Convert.FromHexString(BobPublic)));
    }
}
