using System.Text;
using System.Text.Json;
using SecureOta.Build.Crypto;
using SecureOta.Build.Publishing;

namespace SecureOta.Tests.Publishing;

/// <summary>The root payload of docs/PROTOCOL.md section 5: exact members, types and limits.</summary>
public sealed class RootMetadataWriterTests
{
    private static readonly string Anchor = PublishingSamples.RootCaPem();

    [Fact]
    public void Payload_round_trips_with_exactly_the_members_of_the_spec()
    {
        RootMetadata root = Sample(out byte[][] keys);

        byte[] bytes = RootMetadataWriter.Write(root);

        using JsonDocument document = JsonDocument.Parse(bytes);
        Assert.DoesNotContain("\\u", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);

        JsonElement payload = document.RootElement;
        Assert.Equal(["type", "spec", "product", "version", "expires", "keys", "roles", "tlsAnchors"], JsonAssert.Names(payload));
        Assert.Equal("secureota/root", payload.GetProperty("type").GetString());
        Assert.Equal(2, JsonAssert.Integer(payload, "spec"));
        Assert.Equal("writer-test", payload.GetProperty("product").GetString());
        Assert.Equal(3, JsonAssert.Integer(payload, "version"));
        Assert.Equal(1826000000, JsonAssert.Integer(payload, "expires"));

        JsonElement[] listed = payload.GetProperty("keys").EnumerateArray().ToArray();
        Assert.Equal(keys.Length, listed.Length);
        for (int i = 0; i < keys.Length; i++)
        {
            // Keys 2 and 3 are the release and approval keys: they carry their split points; root keys do not.
            Assert.Equal(i >= 2 ? ["id", "scheme", "public", "split"] : ["id", "scheme", "public"], JsonAssert.Names(listed[i]));
            if (i >= 2) Assert.Equal(Convert.ToHexStringLower(Ed25519SplitPoints.Compute(keys[i])!), listed[i].GetProperty("split").GetString());
            Assert.Equal(KeyId.Of(keys[i]), listed[i].GetProperty("id").GetString());
            Assert.Equal("ed25519", listed[i].GetProperty("scheme").GetString());
            Assert.Equal(Convert.ToHexStringLower(keys[i]), listed[i].GetProperty("public").GetString());
        }

        JsonElement roles = payload.GetProperty("roles");
        Assert.Equal(["root", "approval", "release"], JsonAssert.Names(roles));
        AssertRole(roles.GetProperty("root"), root.Root);
        AssertRole(roles.GetProperty("approval"), root.Approval);
        AssertRole(roles.GetProperty("release"), root.Release);
        Assert.Equal([Anchor], payload.GetProperty("tlsAnchors").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void Same_metadata_gives_the_same_bytes()
    {
        Assert.Equal(RootMetadataWriter.Write(Sample(out _)), RootMetadataWriter.Write(Sample(out _)));
    }

    [Fact]
    public void Signed_root_fits_the_root_envelope_limit()
    {
        RootMetadata root = Sample(out _);
        using Ed25519KeyPair signer = Ed25519KeyPair.FromSeed(PublishingSamples.TestSecret(1));

        byte[] envelope = EnvelopeSigner.Sign(PayloadTypes.Root, RootMetadataWriter.Write(root), signer);

        Assert.InRange(envelope.Length, 1, ProtocolLimits.MaxRootEnvelopeSize);
    }

    [Fact]
    public void Refuses_seventeen_keys()
    {
        RootMetadata root = Sample(out _) with { PublicKeys = Enumerable.Range(0, 17).Select(Key).ToArray() };

        Assert.Equal("keys", Assert.Throws<ProtocolLimitException>(() => RootMetadataWriter.Write(root)).Member);
    }

    [Fact]
    public void Refuses_a_key_listed_twice()
    {
        RootMetadata root = Sample(out byte[][] keys);
        root = root with { PublicKeys = [.. keys, keys[0]] };

        Assert.Equal("keys[4].id", Assert.Throws<ProtocolLimitException>(() => RootMetadataWriter.Write(root)).Member);
    }

    [Theory]
    [InlineData("approval")]
    [InlineData("release")]
    public void Refuses_a_root_whose_online_or_approval_role_shares_a_root_key(string role)
    {
        RootMetadata root = Sample(out byte[][] keys);
        var shared = new RoleDefinition(1, [KeyId.Of(keys[0])]);
        root = role == "approval" ? root with { Approval = shared } : root with { Release = shared };

        var refused = Assert.Throws<ProtocolLimitException>(() => RootMetadataWriter.Write(root));

        Assert.Equal($"roles.{role}.keyIds", refused.Member);
        Assert.Contains("one role only", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_product_id_devices_could_not_match()
    {
        RootMetadata root = Sample(out _) with { Product = "Acme Sensor" };

        Assert.Equal("product", Assert.Throws<ProtocolLimitException>(() => RootMetadataWriter.Write(root)).Member);
    }

    [Fact]
    public void Refuses_a_threshold_above_the_number_of_role_keys()
    {
        RootMetadata root = Sample(out _);
        root = root with { Release = root.Release with { Threshold = 2 } };

        Assert.Equal("roles.release.threshold", Assert.Throws<ProtocolLimitException>(() => RootMetadataWriter.Write(root)).Member);
    }

    [Fact]
    public void Refuses_a_role_key_that_is_not_listed_in_keys()
    {
        RootMetadata root = Sample(out _);
        root = root with { Release = new RoleDefinition(1, [KeyId.Of(Key(99))]) };

        Assert.Equal("roles.release.keyIds[0]", Assert.Throws<ProtocolLimitException>(() => RootMetadataWriter.Write(root)).Member);
    }

    [Fact]
    public void Refuses_an_uppercase_key_id_in_a_role()
    {
        RootMetadata root = Sample(out _);
        root = root with { Release = new RoleDefinition(1, [root.Release.KeyIds[0].ToUpperInvariant()]) };

        Assert.Equal("roles.release.keyIds[0]", Assert.Throws<ProtocolLimitException>(() => RootMetadataWriter.Write(root)).Member);
    }

    [Fact]
    public void Refuses_version_zero()
    {
        RootMetadata root = Sample(out _) with { Version = 0 };

        Assert.Equal("version", Assert.Throws<ProtocolLimitException>(() => RootMetadataWriter.Write(root)).Member);
    }

    [Fact]
    public void Refuses_nine_tls_anchors()
    {
        RootMetadata root = Sample(out _) with { TlsAnchors = Enumerable.Repeat(Anchor, 9).ToArray() };

        Assert.Equal("tlsAnchors", Assert.Throws<ProtocolLimitException>(() => RootMetadataWriter.Write(root)).Member);
    }

    [Fact]
    public void Refuses_an_anchor_over_4096_bytes()
    {
        RootMetadata root = Sample(out _) with { TlsAnchors = [Anchor + new string('\n', 4097 - Anchor.Length)] };

        Assert.Equal("tlsAnchors[0]", Assert.Throws<ProtocolLimitException>(() => RootMetadataWriter.Write(root)).Member);
    }

    [Fact]
    public void Refuses_pinning_a_leaf_certificate()
    {
        RootMetadata root = Sample(out _) with { TlsAnchors = [Anchor, PublishingSamples.LeafPem()] };

        Assert.Equal("tlsAnchors[1]", Assert.Throws<ProtocolLimitException>(() => RootMetadataWriter.Write(root)).Member);
    }

    private static RootMetadata Sample(out byte[][] keys)
    {
        keys = [Key(1), Key(2), Key(3), Key(4)];
        var rootRole = new RoleDefinition(2, [KeyId.Of(keys[0]), KeyId.Of(keys[1])]);
        var approvalRole = new RoleDefinition(1, [KeyId.Of(keys[3])]);
        var releaseRole = new RoleDefinition(1, [KeyId.Of(keys[2])]);
        return new RootMetadata(3, 1826000000, "writer-test", keys, rootRole, approvalRole, releaseRole, [Anchor]);
    }

    private static byte[] Key(int n)
    {
        using Ed25519KeyPair pair = Ed25519KeyPair.FromSeed(PublishingSamples.TestSecret(n));
        return pair.PublicKey;
    }

    private static void AssertRole(JsonElement element, RoleDefinition role)
    {
        Assert.Equal(["threshold", "keyIds"], JsonAssert.Names(element));
        Assert.Equal(role.Threshold, JsonAssert.Integer(element, "threshold"));
        Assert.Equal(role.KeyIds, element.GetProperty("keyIds").EnumerateArray().Select(k => k.GetString()!));
    }
}
