using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SecureOta.Build.Crypto;
using SecureOta.Build.Vectors;
using SecureOta.Device.Core.Delta;
using SecureOta.Tests.Device.Support;

namespace SecureOta.Tests.Protocol;

/// <summary>
/// docs/PROTOCOL.md section 12 must be what the code computes, and the values must follow from the
/// spec's definitions when recomputed here by hand, independently of the build's writers.
/// </summary>
public sealed class ProtocolVectorsTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<string, string>>>> Documented = new(() =>
        ProtocolVectorDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.FullPath, "docs", "PROTOCOL.md"))));

    [Fact]
    public void Protocol_document_holds_exactly_the_vectors_the_code_computes()
    {
        var computed = ProtocolVectorGenerator.Generate(RepositoryRoot.FullPath);

        Assert.Equal(computed.Select(v => v.Name).Order(StringComparer.Ordinal), Documented.Value.Keys.Order(StringComparer.Ordinal));
        foreach (var vector in computed)
        {
            var documented = Documented.Value[vector.Name];
            Assert.True(vector.Lines.SequenceEqual(documented),
                $"docs/PROTOCOL.md vector '{vector.Name}' differs from the code; after an intended format change run ./build.sh --target=ProtocolVectors");
        }
    }

    [Fact]
    public void Pae_vector_follows_the_dsse_definition()
    {
        var v = Vector("pae");
        var type = v["payloadType (text)"];
        var body = v["payload (text)"];
        var expected = $"DSSEv1 {Encoding.UTF8.GetByteCount(type)} {type} {Encoding.UTF8.GetByteCount(body)} {body}";

        Assert.Equal(Convert.ToHexStringLower(Encoding.UTF8.GetBytes(expected)), v["pae"]);
    }

    [Fact]
    public void Key_id_vector_is_sha256_of_the_public_key_libsodium_derives()
    {
        var v = Vector("key-id");
        using var key = Ed25519KeyPair.FromSeed(Convert.FromHexString(v["seed (test only)"]));

        Assert.Equal(Convert.ToHexStringLower(key.PublicKey), v["public"]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(key.PublicKey)), v["keyid"]);
    }

    [Fact]
    public void Digest_vector_follows_the_hmac_fold_of_section_2_1()
    {
        var v = Vector("digest");
        var image = ProtocolVectorGenerator.Plain();
        var h = new byte[32];
        for (int at = 0; at < image.Length; at += 4096)
        {
            var chunk = image.AsSpan(at, Math.Min(4096, image.Length - at));
            h = HMACSHA256.HashData(Encoding.UTF8.GetBytes("SecureOta/v1/image"), (byte[])[.. h, .. chunk]);
        }

        Assert.Equal(Convert.ToHexStringLower(h), v["imageDigest"]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(image)), v["imageSha256"]);
        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("SecureOta/v1/record"), "abc"u8)), v["recordDigest"]);
    }

    [Fact]
    public void Derivation_vector_follows_section_10()
    {
        var v = Vector("derivations");
        var s = Convert.FromHexString(v["S (test only)"]);
        var contentKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, s, 16, [], Label("SecureOta/v1/content-key", v["version (text)"]));

        Assert.Equal(Convert.ToHexStringLower(contentKey), v["contentKey"]);
        var iv = HMACSHA256.HashData(contentKey, (byte[])[.. Encoding.UTF8.GetBytes("SecureOta/v1/iv"), 0, .. SHA256.HashData(ProtocolVectorGenerator.Plain())])[..16];
        Assert.Equal(Convert.ToHexStringLower(iv), v["iv of the image"]);
        var r = Convert.FromHexString(v["R"]);
        var ephemeral = HKDF.DeriveKey(HashAlgorithmName.SHA256, s, 32, [], [.. Label("SecureOta/v1/ephemeral", v["version (text)"]), 0, .. r]);
        Assert.Equal(Convert.ToHexStringLower(ephemeral), v["ephemeral private key for R"]);
        var salt = HMACSHA256.HashData(s, Label("SecureOta/v1/rollout-salt", v["channel (text)"], v["version (text)"]))[..16];
        Assert.Equal(Convert.ToHexStringLower(salt), v["rollout salt"]);
    }

    [Fact]
    public void Wrapped_key_vector_unwraps_with_the_recipient_key_as_section_8_says()
    {
        var v = Vector("wrapped-key");
        var file = Convert.FromHexString(v["file"]);
        using var recipient = X25519KeyPair.FromPrivateKey(Convert.FromHexString(v["recipient private r (test only)"]));

        Assert.Equal(57, file.Length);
        Assert.Equal(1, file[0]);
        Assert.Equal(v["E"], Convert.ToHexStringLower(file.AsSpan(1, 32)));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(recipient.PublicKey)), v["recipient id"]);
        var z = recipient.SharedSecret(file[1..33]);
        Assert.Equal(v["Z"], Convert.ToHexStringLower(z));
        var kek = HKDF.DeriveKey(HashAlgorithmName.SHA256, z, 16, [.. file[1..33], .. recipient.PublicKey], "SecureOta/v1/key-wrap"u8.ToArray());
        Assert.Equal(v["KEK"], Convert.ToHexStringLower(kek));
        var contentKey = UnwrapRfc3394(kek, file[33..]);
        Assert.Equal(Vector("derivations")["contentKey"], Convert.ToHexStringLower(contentKey));
        Assert.Equal(v["keyCheck"], Convert.ToHexStringLower(HMACSHA256.HashData(contentKey, "SecureOta/v1/key-check"u8)[..16]));
    }

    [Fact]
    public void Envelope_vectors_carry_valid_signatures_over_pae()
    {
        foreach (var (name, seedLabel, type) in new[]
                 {
                     ("root-envelope", "root seed (test only)", "application/vnd.secureota.root+json"),
                     ("channel-envelope", "release seed (test only)", "application/vnd.secureota.channel+json"),
                 })
        {
            var v = Vector(name);
            using var json = JsonDocument.Parse(v["envelope (text)"]);
            using var key = Ed25519KeyPair.FromSeed(Convert.FromHexString(v[seedLabel]));
            var payload = json.RootElement.GetProperty("payload").GetBytesFromBase64();
            var signature = json.RootElement.GetProperty("signatures")[0];
            var pae = Encoding.UTF8.GetBytes($"DSSEv1 {type.Length} {type} {payload.Length} ").Concat(payload).ToArray();

            Assert.Equal(type, json.RootElement.GetProperty("payloadType").GetString());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(key.PublicKey)), signature.GetProperty("keyid").GetString());
            Assert.True(Ed25519KeyPair.Verify(key.PublicKey, pae, signature.GetProperty("sig").GetBytesFromBase64()), name);
        }
    }

    [Fact]
    public void Manifest_vector_lists_a_delta_that_rebuilds_the_image_from_its_base_and_is_encrypted_as_section_10_says()
    {
        var v = Vector("channel-envelope");
        using var json = JsonDocument.Parse(v["envelope (text)"]);
        using var payload = JsonDocument.Parse(json.RootElement.GetProperty("payload").GetBytesFromBase64());
        var delta = payload.RootElement.GetProperty("release").GetProperty("artifacts")[1];
        var patch = Convert.FromHexString(v["delta patch"]);
        var baseImage = ProtocolVectorGenerator.DeltaBase();

        Assert.Equal("delta", delta.GetProperty("kind").GetString());
        Assert.Equal(v["delta base version (text)"], delta.GetProperty("baseVersion").GetString());
        Assert.Equal(Convert.ToHexStringLower(TestArtifact.ImageDigestOf(baseImage)), delta.GetProperty("baseDigest").GetString());
        Assert.Equal(patch.Length, delta.GetProperty("plainSize").GetInt32());
        var target = new SecureOta.Build.Delta.MemoryTargetImage();
        Assert.True(new DeltaPatcher().TryApply(new SecureOta.Build.Delta.MemoryPatchSource(patch), new SecureOta.Build.Delta.MemoryBaseImage(baseImage), target, out var failure),
            failure?.ToString());
        Assert.Equal(ProtocolVectorGenerator.Plain(), target.ToArray());
        var contentKey = Convert.FromHexString(Vector("derivations")["contentKey"]);
        var iv = HMACSHA256.HashData(contentKey, (byte[])[.. Encoding.UTF8.GetBytes("SecureOta/v1/iv"), 0, .. SHA256.HashData(patch)])[..16];
        var artifact = TestArtifact.Encrypt(patch, contentKey, iv);
        Assert.Equal(Convert.ToHexStringLower(iv), delta.GetProperty("iv").GetString());
        Assert.Equal(Convert.ToHexStringLower(artifact.Head), delta.GetProperty("head").GetString());
        Assert.Equal(Convert.ToHexStringLower(artifact.Sha256), delta.GetProperty("sha256").GetString());
        Assert.Equal(artifact.Bytes.Length, delta.GetProperty("size").GetInt32());
    }

    private static byte[] Label(string label, params string[] parts)
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(label));
        foreach (var part in parts)
        {
            bytes.Add(0);
            bytes.AddRange(Encoding.UTF8.GetBytes(part));
        }
        return bytes.ToArray();
    }

    // RFC 3394 section 2.2.2, written out here so the vector is checked without the project's AesKeyWrap.
    private static byte[] UnwrapRfc3394(byte[] kek, byte[] wrapped)
    {
        using var aes = Aes.Create();
        aes.Key = kek;
        int n = wrapped.Length / 8 - 1;
        var a = wrapped[..8];
        var r = Enumerable.Range(0, n).Select(i => wrapped.AsSpan(8 * (i + 1), 8).ToArray()).ToArray();
        for (int j = 5; j >= 0; j--)
        {
            for (int i = n; i >= 1; i--)
            {
                ulong t = (ulong)(n * j + i);
                var block = new byte[16];
                a.CopyTo(block, 0);
                for (int k = 0; k < 8; k++) block[7 - k] ^= (byte)(t >> (8 * k));
                r[i - 1].CopyTo(block, 8);
                var b = aes.DecryptEcb(block, PaddingMode.None);
                a = b[..8];
                r[i - 1] = b[8..];
            }
        }
        Assert.Equal("a6a6a6a6a6a6a6a6", Convert.ToHexStringLower(a));
        return r.SelectMany(x => x).ToArray();
    }

    private static IReadOnlyDictionary<string, string> Vector(string name) =>
        Documented.Value[name].ToDictionary(l => l.Key, l => l.Value);
}
