using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SecureOta.Build.Crypto;
using SecureOta.Build.Publishing;
using SecureOta.Device.Core.Envelopes;

namespace SecureOta.Tests.Publishing;

/// <summary>DSSE envelopes of docs/PROTOCOL.md section 4, verified with NSec (libsodium) over PAE.</summary>
public sealed class EnvelopeSignerTests
{
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("{\"type\":\"secureota/channel\",\"x\":\"\u00e9+/\"}");

    [Fact]
    public void Every_signature_verifies_with_nsec_over_pae()
    {
        using Ed25519KeyPair first = Ed25519KeyPair.FromSeed(PublishingSamples.TestSecret(1));
        using Ed25519KeyPair second = Ed25519KeyPair.FromSeed(PublishingSamples.TestSecret(2));

        using JsonDocument envelope = JsonDocument.Parse(EnvelopeSigner.Sign(PayloadTypes.Channel, Payload, first, second));

        byte[] pae = Pae.Encode(PayloadTypes.Channel, Payload);
        var publicKeys = new[] { first.PublicKey, second.PublicKey }.ToDictionary(KeyId.Of, k => k);
        JsonElement signatures = envelope.RootElement.GetProperty("signatures");
        Assert.Equal(2, signatures.GetArrayLength());
        foreach (JsonElement signature in signatures.EnumerateArray())
        {
            byte[] publicKey = publicKeys[signature.GetProperty("keyid").GetString()!];
            Assert.True(Ed25519KeyPair.Verify(publicKey, pae, Convert.FromBase64String(signature.GetProperty("sig").GetString()!)));
        }
    }

    [Fact]
    public void Signature_does_not_verify_over_the_json_payload_itself()
    {
        using Ed25519KeyPair signer = Ed25519KeyPair.FromSeed(PublishingSamples.TestSecret(1));

        using JsonDocument envelope = JsonDocument.Parse(EnvelopeSigner.Sign(PayloadTypes.Channel, Payload, signer));

        byte[] sig = Convert.FromBase64String(envelope.RootElement.GetProperty("signatures")[0].GetProperty("sig").GetString()!);
        Assert.False(Ed25519KeyPair.Verify(signer.PublicKey, Payload, sig));
    }

    [Fact]
    public void Envelope_is_compact_json_with_members_in_dsse_order_and_signatures_sorted_by_keyid()
    {
        using Ed25519KeyPair a = Ed25519KeyPair.FromSeed(PublishingSamples.TestSecret(1));
        using Ed25519KeyPair b = Ed25519KeyPair.FromSeed(PublishingSamples.TestSecret(2));
        using Ed25519KeyPair c = Ed25519KeyPair.FromSeed(PublishingSamples.TestSecret(3));

        byte[] bytes = EnvelopeSigner.Sign(PayloadTypes.Root, Payload, c, a, b);

        using JsonDocument envelope = JsonDocument.Parse(bytes);
        Assert.Equal(["payloadType", "payload", "signatures"], envelope.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(PayloadTypes.Root, envelope.RootElement.GetProperty("payloadType").GetString());
        Assert.Equal(Payload, Convert.FromBase64String(envelope.RootElement.GetProperty("payload").GetString()!));
        string[] keyIds = envelope.RootElement.GetProperty("signatures").EnumerateArray()
            .Select(s => s.GetProperty("keyid").GetString()!).ToArray();
        Assert.Equal(keyIds.Order(StringComparer.Ordinal), keyIds);
        Assert.All(envelope.RootElement.GetProperty("signatures").EnumerateArray(),
            s => Assert.Equal(["keyid", "sig"], s.EnumerateObject().Select(p => p.Name)));
        string text = Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain("\\u", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_payload_and_keys_give_the_same_envelope_bytes()
    {
        using Ed25519KeyPair a = Ed25519KeyPair.FromSeed(PublishingSamples.TestSecret(1));
        using Ed25519KeyPair b = Ed25519KeyPair.FromSeed(PublishingSamples.TestSecret(2));

        Assert.Equal(EnvelopeSigner.Sign(PayloadTypes.Root, Payload, a, b), EnvelopeSigner.Sign(PayloadTypes.Root, Payload, b, a));
    }

    [Fact]
    public void Refuses_the_same_key_twice()
    {
        using Ed25519KeyPair a = Ed25519KeyPair.FromSeed(PublishingSamples.TestSecret(1));
        using Ed25519KeyPair again = Ed25519KeyPair.FromSeed(PublishingSamples.TestSecret(1));

        Assert.Throws<ProtocolLimitException>(() => EnvelopeSigner.Sign(PayloadTypes.Root, Payload, a, again));
    }

    [Fact]
    public void Refuses_more_than_sixteen_signatures()
    {
        Ed25519KeyPair[] keys = Enumerable.Range(0, 17).Select(i => Ed25519KeyPair.FromSeed(PublishingSamples.TestSecret(i))).ToArray();
        try
        {
            Assert.Throws<ProtocolLimitException>(() => EnvelopeSigner.Sign(PayloadTypes.Root, Payload, keys));
            Assert.NotNull(EnvelopeSigner.Sign(PayloadTypes.Root, Payload, keys[..16]));
        }
        finally
        {
            foreach (Ed25519KeyPair key in keys) key.Dispose();
        }
    }

    [Fact]
    public void Refuses_a_channel_envelope_over_16_KiB()
    {
        using Ed25519KeyPair signer = Ed25519KeyPair.FromSeed(PublishingSamples.TestSecret(1));
        byte[] large = new byte[12 * 1024];

        var error = Assert.Throws<ProtocolLimitException>(() => EnvelopeSigner.Sign(PayloadTypes.Channel, large, signer));
        Assert.Equal("envelope", error.Member);
        Assert.NotNull(EnvelopeSigner.Sign(PayloadTypes.Root, large, signer));
    }

    [Fact]
    public void Key_id_is_hex_sha256_of_the_public_key()
    {
        using Ed25519KeyPair signer = Ed25519KeyPair.FromSeed(PublishingSamples.TestSecret(1));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(signer.PublicKey)), KeyId.Of(signer.PublicKey));
    }
}
