using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SecureOta.Build.Crypto;
using SecureOta.Build.Vectors;
using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Core.Delta;
using SecureOta.Device.Core.Envelopes;
using SecureOta.Device.Core.Trust;
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
    public void Derivation_vector_follows_section_10_with_the_v2_labels_and_a_public_rollout_salt()
    {
        var v = Vector("derivations");
        var s = Convert.FromHexString(v["S (test only)"]);
        var contentKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, s, 16, [], Label("SecureOta/v2/content-key", v["version (text)"]));

        Assert.Equal(Convert.ToHexStringLower(contentKey), v["contentKey"]);
        var iv = HMACSHA256.HashData(contentKey, (byte[])[.. Encoding.UTF8.GetBytes("SecureOta/v2/iv"), 0, .. SHA256.HashData(ProtocolVectorGenerator.Plain())])[..16];
        Assert.Equal(Convert.ToHexStringLower(iv), v["iv of the image"]);
        var r = Convert.FromHexString(v["R"]);
        var ephemeral = HKDF.DeriveKey(HashAlgorithmName.SHA256, s, 32, [], [.. Label("SecureOta/v2/ephemeral", v["version (text)"]), 0, .. r]);
        Assert.Equal(Convert.ToHexStringLower(ephemeral), v["ephemeral private key for R"]);
        // The salt uses no secret: SHA256(label || 0 || product || 0 || channel || 0 || version)[0..16).
        var salt = SHA256.HashData(Label("SecureOta/v2/rollout-salt", v["product (text)"], v["channel (text)"], v["version (text)"]))[..16];
        Assert.Equal(Convert.ToHexStringLower(salt), v["rollout salt"]);
    }

    [Fact]
    public void Derivation_vector_reuses_the_recipient_of_the_wrapped_key_vector_and_feeds_the_artifact_vector()
    {
        var derivations = Vector("derivations");
        var wrapped = Vector("wrapped-key");
        var artifact = Vector("artifact");
        using var recipient = X25519KeyPair.FromPrivateKey(Convert.FromHexString(wrapped["recipient private r (test only)"]));
        using var ephemeral = X25519KeyPair.FromPrivateKey(Convert.FromHexString(derivations["ephemeral private key for R"]));

        Assert.Equal(derivations["R"], Convert.ToHexStringLower(recipient.PublicKey));
        Assert.Equal(wrapped["R"], derivations["R"]);
        Assert.Equal(wrapped["E"], Convert.ToHexStringLower(ephemeral.PublicKey));
        Assert.Equal(derivations["contentKey"], artifact["contentKey"]);
        Assert.Equal(derivations["iv of the image"], artifact["iv"]);
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
                     ("approval-envelope", "approval seed (test only)", "application/vnd.secureota.approval+json"),
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
            Assert.True(Ed25519.Verify(key.PublicKey, signature.GetProperty("sig").GetBytesFromBase64(), pae, 0, pae.Length), name);
        }
    }

    [Fact]
    public void Root_vector_carries_the_release_keys_split_points_as_rfc8032_arithmetic_gives_them()
    {
        var v = Vector("root-envelope");
        using var json = JsonDocument.Parse(v["envelope (text)"]);
        using var payload = JsonDocument.Parse(json.RootElement.GetProperty("payload").GetBytesFromBase64());
        using var release = Ed25519KeyPair.FromSeed(Convert.FromHexString(v["release seed (test only)"]));
        var keys = payload.RootElement.GetProperty("keys").EnumerateArray().ToList();
        var listed = keys.Single(k => k.GetProperty("public").GetString() == Convert.ToHexStringLower(release.PublicKey));

        // Section 5: x then y of 2^64 A, 2^128 A, 2^192 A, little-endian, recomputed with the test's naive affine arithmetic.
        var point = SecureOta.Tests.Crypto.ReferenceEd25519.Decode(release.PublicKey)!.Value;
        var expected = new List<byte>();
        for (int c = 1; c <= 3; c++)
        {
            var multiple = SecureOta.Tests.Crypto.ReferenceEd25519.Multiply(System.Numerics.BigInteger.One << (64 * c), point);
            foreach (var coordinate in new[] { multiple.X, multiple.Y })
            {
                byte[] bytes = new byte[32];
                coordinate.TryWriteBytes(bytes, out _, isUnsigned: true);
                expected.AddRange(bytes);
            }
        }
        Assert.Equal(Convert.ToHexStringLower(expected.ToArray()), v["release split"]);
        Assert.Equal(v["release split"], listed.GetProperty("split").GetString());
        // The root key carries none: a device never prepares it from points.
        Assert.Equal(1, keys.Count(k => !k.TryGetProperty("split", out _)));
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
        var iv = HMACSHA256.HashData(contentKey, (byte[])[.. Encoding.UTF8.GetBytes("SecureOta/v2/iv"), 0, .. SHA256.HashData(patch)])[..16];
        var artifact = TestArtifact.Encrypt(patch, contentKey, iv);
        Assert.Equal(Convert.ToHexStringLower(iv), delta.GetProperty("iv").GetString());
        Assert.Equal(Convert.ToHexStringLower(artifact.Head), delta.GetProperty("head").GetString());
        Assert.Equal(Convert.ToHexStringLower(artifact.Sha256), delta.GetProperty("sha256").GetString());
        Assert.Equal(artifact.Bytes.Length, delta.GetProperty("size").GetInt32());
    }

    [Fact]
    public void Manifest_vector_passes_c1_to_c10_under_the_root_vector_and_embeds_the_approval_vector()
    {
        var root = LoadRootVector();
        var manifest = VerifyManifestVector(root);

        Assert.Equal(ProtocolVectorGenerator.Product, manifest.Product);
        Assert.Equal(root.Product, manifest.Product);
        Assert.Equal(Encoding.UTF8.GetBytes(Vector("approval-envelope")["envelope (text)"]), manifest.Release.Approval);
    }

    [Fact]
    public void Approval_vector_passes_p1_to_p6_against_the_root_vector_for_the_manifest_vectors_release()
    {
        var root = LoadRootVector();
        var release = VerifyManifestVector(root).Release;
        var digest = Vector("digest");
        var approval = Encoding.UTF8.GetBytes(Vector("approval-envelope")["envelope (text)"]);

        Assert.True(ReleaseApprovalVerifier.TryVerify(root, release, out var identity, out var failure), failure?.ToString());
        Assert.Equal(root.Product, identity.Product);
        Assert.Equal(ProtocolVectorGenerator.Version, identity.Version);
        Assert.Equal(digest["imageDigest"], Convert.ToHexStringLower(identity.ImageDigest));
        Assert.Equal(digest["imageSha256"], Convert.ToHexStringLower(identity.ImageSha256));
        Assert.Equal(ProtocolVectorGenerator.PlainSize, identity.ImageSize);
        // The same envelope through the explicit overload, as the build and third parties call it.
        Assert.True(ReleaseApprovalVerifier.TryVerify(root, approval, release.Version, release.SecurityVersion, release.ImageSize,
            release.ImageDigest, release.ImageSha256, out _, out failure), failure?.ToString());
    }

    [Fact]
    public void Approval_vector_names_the_release_exactly_a_changed_identity_is_not_approved_at_p6()
    {
        var root = LoadRootVector();
        var release = VerifyManifestVector(root).Release;
        var approval = release.Approval;
        var otherSha = (byte[])release.ImageSha256.Clone();
        otherSha[0] ^= 1;

        foreach (var (version, securityVersion, size, digest, sha, member) in new[]
                 {
                     ("1.0.1", release.SecurityVersion, (long)release.ImageSize, release.ImageDigest, release.ImageSha256, "version"),
                     (release.Version, release.SecurityVersion + 1, release.ImageSize, release.ImageDigest, release.ImageSha256, "securityVersion"),
                     (release.Version, release.SecurityVersion, release.ImageSize + 1L, release.ImageDigest, release.ImageSha256, "imageSize"),
                     (release.Version, release.SecurityVersion, release.ImageSize, new byte[32], release.ImageSha256, "imageDigest"),
                     (release.Version, release.SecurityVersion, release.ImageSize, release.ImageDigest, otherSha, "imageSha256"),
                 })
        {
            Assert.False(ReleaseApprovalVerifier.TryVerify(root, approval, version, securityVersion, size, digest, sha, out _, out var failure), member);
            Assert.Equal("P6", failure.Step);
            Assert.Equal(VerificationError.NotApproved, failure.Error);
            Assert.Contains(member, failure.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Approval_vector_signed_by_the_approval_role_does_not_satisfy_the_release_role()
    {
        var root = LoadRootVector();
        Assert.True(EnvelopeParser.TryParse(Encoding.UTF8.GetBytes(Vector("approval-envelope")["envelope (text)"]), out var signed, out var reason), reason);

        Assert.True(SignatureThreshold.IsMet(signed, root.ApprovalRole));
        Assert.False(SignatureThreshold.IsMet(signed, root.ReleaseRole));
        Assert.False(SignatureThreshold.IsMet(signed, root.RootRole));
    }

    [Fact]
    public void Every_negative_vector_is_refused_by_the_device_core_at_exactly_its_expected_step_and_error()
    {
        var negatives = Documented.Value.Keys.Where(n => n.StartsWith("negative-", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["negative-base64-padding", "negative-duplicate-key-id", "negative-identity-key", "negative-shared-role-key"], negatives);

        foreach (var name in negatives)
        {
            var v = Vector(name);
            var failure = Refusal(name, v);
            Assert.True(failure is not null, $"{name} was accepted; section 12 expects '{v["expect (text)"]}'");
            Assert.Equal(v["expect (text)"], $"{failure!.Step} {failure.Error}");
        }
    }

    [Fact]
    public void Identity_key_vector_signature_is_refused_by_strict_ed25519_though_it_satisfies_the_cofactorless_equation()
    {
        var v = Vector("negative-identity-key");
        var publicKey = Convert.FromHexString(v["public key"]);
        var signature = Convert.FromHexString(v["signature"]);
        using var json = JsonDocument.Parse(v["manifest (text)"]);
        var payload = json.RootElement.GetProperty("payload").GetBytesFromBase64();
        var pae = Pae.Encode(json.RootElement.GetProperty("payloadType").GetString()!, payload);

        Assert.Equal("0100000000000000000000000000000000000000000000000000000000000000", v["public key"]);
        Assert.Equal(Convert.ToHexStringLower(signature), Convert.ToHexStringLower(json.RootElement.GetProperty("signatures")[0].GetProperty("sig").GetBytesFromBase64()));
        Assert.False(Ed25519.Verify(publicKey, signature, pae, 0, pae.Length));
        // Any message: the forgery does not depend on it, and strict verification refuses it for every one.
        Assert.False(Ed25519.Verify(publicKey, signature, "anything"u8.ToArray(), 0, 8));
        // The root that lists the identity key is itself well formed: R5 does not test keys for small order.
        Assert.True(RootVerifier.TryLoadTrusted(Encoding.UTF8.GetBytes(v["root (text)"]), out var root, out var failure), failure?.ToString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(publicKey)), root.ReleaseRole.GetKeyId(0));
    }

    private static VerificationFailure? Refusal(string name, IReadOnlyDictionary<string, string> v)
    {
        VerificationFailure failure;
        switch (name)
        {
            case "negative-identity-key":
            {
                Assert.True(RootVerifier.TryLoadTrusted(Encoding.UTF8.GetBytes(v["root (text)"]), out var root, out failure), failure?.ToString());
                return VerifyManifest(Encoding.UTF8.GetBytes(v["manifest (text)"]), root);
            }
            case "negative-base64-padding":
                return VerifyManifest(Encoding.UTF8.GetBytes(v["envelope (text)"]), LoadRootVector());
            default:
                return RootVerifier.TryLoadTrusted(Encoding.UTF8.GetBytes(v["envelope (text)"]), out _, out failure) ? null : failure;
        }
    }

    private static VerificationFailure? VerifyManifest(byte[] envelope, TrustedRoot root) =>
        ChannelManifestVerifier.TryVerify(envelope, root, ProtocolVectorGenerator.Channel, 0, 0, ProtocolVectorGenerator.Issued,
            DeviceClock.MaxIssued(ProtocolVectorGenerator.Issued, synchronized: true), out _, out var failure) ? null : failure;

    private static TrustedRoot LoadRootVector()
    {
        Assert.True(RootVerifier.TryLoadTrusted(Encoding.UTF8.GetBytes(Vector("root-envelope")["envelope (text)"]), out var root, out var failure),
            failure?.ToString());
        Assert.Equal(Vector("root-envelope")["product (text)"], root.Product);
        return root;
    }

    private static ChannelManifest VerifyManifestVector(TrustedRoot root)
    {
        var envelope = Encoding.UTF8.GetBytes(Vector("channel-envelope")["envelope (text)"]);
        Assert.True(ChannelManifestVerifier.TryVerify(envelope, root, ProtocolVectorGenerator.Channel, 0, 0, ProtocolVectorGenerator.Issued,
            DeviceClock.MaxIssued(ProtocolVectorGenerator.Issued, synchronized: true), out var verified, out var failure), failure?.ToString());
        Assert.Equal(ManifestOutcome.NewRelease, verified.Outcome);
        return verified.Manifest;
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
