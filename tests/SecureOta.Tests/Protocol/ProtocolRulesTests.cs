using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SecureOta.Build.Crypto;
using SecureOta.Build.Delta;
using SecureOta.Build.Vectors;
using SecureOta.Device.Core.Delta;
using SecureOta.Device.Core.Envelopes;
using JsonReader = SecureOta.Device.Core.Json.JsonReader;
using SecureOta.Device.Core.Trust;
using SecureOta.Tests.Device.Support;

namespace SecureOta.Tests.Protocol;

/// <summary>
/// The normative answers of docs/PROTOCOL.md (version 2) to the points a second implementation had to
/// guess, each checked against the device core: signatures and base64 (section 4), JSON depth and numbers
/// (section 3), sequence 0 and C10 (sections 6 and 9), fills and signed seeks of a patch
/// and the patch error names (section 11a). Inputs come from the test vectors of section 12.
/// </summary>
public sealed class ProtocolRulesTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<string, string>>>> Documented = new(() =>
        ProtocolVectorDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.FullPath, "docs", "PROTOCOL.md"))));

    private const string ChannelType = "application/vnd.secureota.channel+json";

    // ---- Section 4: the threshold rule ----

    [Fact]
    public void A_key_whose_first_signature_fails_and_second_verifies_counts()
    {
        using var key = Ed25519KeyPair.FromSeed(ProtocolVectorGenerator.ReleaseSeed);
        var payload = "{\"a\":1}"u8.ToArray();
        var good = key.Sign(Pae.Encode(ChannelType, payload));
        var bad = (byte[])good.Clone();
        bad[5] ^= 0x01;
        var id = Convert.ToHexStringLower(SHA256.HashData(key.PublicKey));
        var role = new SigningRole("release", 1, [id], [key.PublicKey]);

        var badThenGood = new SignedEnvelope(ChannelType, payload, [new EnvelopeSignature(id, bad), new EnvelopeSignature(id, good)]);
        var goodThenBad = new SignedEnvelope(ChannelType, payload, [new EnvelopeSignature(id, good), new EnvelopeSignature(id, bad)]);
        var badOnly = new SignedEnvelope(ChannelType, payload, [new EnvelopeSignature(id, bad), new EnvelopeSignature(id, bad)]);

        Assert.Equal(1, SignatureThreshold.CountValidKeys(badThenGood, role));
        Assert.Equal(1, SignatureThreshold.CountValidKeys(goodThenBad, role));
        Assert.Equal(0, SignatureThreshold.CountValidKeys(badOnly, role));
    }

    [Fact]
    public void A_key_counts_once_however_many_of_its_signatures_verify()
    {
        using var first = Ed25519KeyPair.FromSeed(ProtocolVectorGenerator.ReleaseSeed);
        using var second = Ed25519KeyPair.FromSeed(ProtocolVectorGenerator.RootSeed);
        var payload = "{\"a\":1}"u8.ToArray();
        var signature = first.Sign(Pae.Encode(ChannelType, payload));
        var firstId = Convert.ToHexStringLower(SHA256.HashData(first.PublicKey));
        var secondId = Convert.ToHexStringLower(SHA256.HashData(second.PublicKey));
        var role = new SigningRole("release", 2, [firstId, secondId], [first.PublicKey, second.PublicKey]);
        var twice = new SignedEnvelope(ChannelType, payload, [new EnvelopeSignature(firstId, signature), new EnvelopeSignature(firstId, signature)]);

        Assert.Equal(1, SignatureThreshold.CountValidKeys(twice, role));
        Assert.False(SignatureThreshold.IsMet(twice, role));
    }

    [Fact]
    public void The_form_of_a_signature_outside_every_role_is_still_checked_when_the_envelope_is_parsed()
    {
        var valid = Encoding.UTF8.GetBytes(Vector("channel-envelope")["envelope (text)"]);
        Assert.True(EnvelopeParser.TryParse(valid, out _, out var reason), reason);

        // The same envelope with a second signature by an id in no role: well formed, ignored...
        var extra = WithExtraSignature(valid, new string('a', 64), Convert.ToBase64String(new byte[64]));
        Assert.True(EnvelopeParser.TryParse(extra, out var signed, out reason), reason);
        Assert.Equal(2, signed.SignatureCount);
        // ...but an uppercase key id, a 63-byte sig or a sig with non-zero padding bits makes the envelope malformed.
        Assert.False(EnvelopeParser.TryParse(WithExtraSignature(valid, new string('A', 64), Convert.ToBase64String(new byte[64])), out _, out _));
        Assert.False(EnvelopeParser.TryParse(WithExtraSignature(valid, new string('a', 64), Convert.ToBase64String(new byte[63])), out _, out _));
        var padded = Convert.ToBase64String(new byte[64]);
        Assert.EndsWith("A==", padded);
        Assert.False(EnvelopeParser.TryParse(WithExtraSignature(valid, new string('a', 64), padded[..^3] + "B=="), out _, out _));
    }

    [Fact]
    public void Zero_signatures_are_well_formed_and_more_than_sixteen_are_malformed()
    {
        var valid = Encoding.UTF8.GetBytes(Vector("channel-envelope")["envelope (text)"]);
        var none = JsonNode.Parse(valid)!;
        none["signatures"] = new JsonArray();
        Assert.True(EnvelopeParser.TryParse(Encoding.UTF8.GetBytes(none.ToJsonString()), out var signed, out var reason), reason);
        Assert.Equal(0, signed.SignatureCount);

        var many = JsonNode.Parse(valid)!;
        var signatures = many["signatures"]!.AsArray();
        while (signatures.Count < 17) signatures.Add(signatures[0]!.DeepClone());
        Assert.False(EnvelopeParser.TryParse(Encoding.UTF8.GetBytes(many.ToJsonString()), out _, out _));
        signatures.RemoveAt(16);
        Assert.True(EnvelopeParser.TryParse(Encoding.UTF8.GetBytes(many.ToJsonString()), out _, out reason), reason);
    }

    // ---- Section 4: strict base64 ----

    [Theory]
    [InlineData("fQ==", true)]
    [InlineData("fR==", false)]   // low 4 bits of the last data character not zero
    [InlineData("fX0=", true)]
    [InlineData("fX1=", false)]   // low 2 bits not zero
    [InlineData("fX0", false)]    // missing padding
    [InlineData("fX 0=", false)]  // whitespace
    [InlineData("f-0=", false)]   // URL-safe alphabet
    [InlineData("", true)]
    public void Base64_has_exactly_one_accepted_spelling(string text, bool accepted)
    {
        Assert.Equal(accepted, StrictBase64.TryDecode(text, out _));
    }

    // ---- Section 3: JSON ----

    [Fact]
    public void Json_depth_counts_the_top_level_container_as_one_and_allows_eight()
    {
        Assert.True(JsonReader.TryParse(Encoding.UTF8.GetBytes(Nested(8)), out _, out var reason), reason);
        Assert.False(JsonReader.TryParse(Encoding.UTF8.GetBytes(Nested(9)), out _, out _));
        Assert.True(JsonReader.TryParse(Encoding.UTF8.GetBytes("{\"a\":" + Nested(7) + "}"), out _, out reason), reason);
        Assert.False(JsonReader.TryParse(Encoding.UTF8.GetBytes("{\"a\":" + Nested(8) + "}"), out _, out _));
    }

    [Theory]
    [InlineData("{\"unknown\":-1}")]
    [InlineData("{\"unknown\":1.5}")]
    [InlineData("{\"unknown\":1e3}")]
    [InlineData("{\"unknown\":01}")]
    [InlineData("{\"unknown\":9007199254740992}")]
    [InlineData("{\"unknown\":[0,-0]}")]
    [InlineData("{\"a\":1,\"\\u0061\":2}")]
    [InlineData("\ufeff{}")]
    public void Json_rules_apply_to_members_the_protocol_does_not_name(string json)
    {
        Assert.False(JsonReader.TryParse(Encoding.UTF8.GetBytes(json), out _, out _));
    }

    [Fact]
    public void An_unknown_member_with_a_negative_number_makes_a_signed_manifest_malformed_at_c5()
    {
        using var release = Ed25519KeyPair.FromSeed(ProtocolVectorGenerator.ReleaseSeed);
        var envelope = ResignedManifest(release, payload => payload["comment"] = JsonValue.Create(-1));

        var failure = VerifyManifest(envelope, LoadRootVector(), highestSequence: 0);

        Assert.NotNull(failure);
        Assert.Equal("C5 Malformed", $"{failure!.Step} {failure.Error}");
    }

    [Fact]
    public void Unknown_members_with_integers_true_false_and_null_are_ignored()
    {
        Assert.True(JsonReader.TryParse("{\"unknown\":[9007199254740991,0,true,false,null]}"u8.ToArray(), out _, out var reason), reason);
    }

    // ---- Sections 6 and 9: sequence 0, C10 ----

    [Fact]
    public void A_manifest_with_sequence_zero_is_nothing_new_for_a_factory_state_and_installs_nothing()
    {
        using var release = Ed25519KeyPair.FromSeed(ProtocolVectorGenerator.ReleaseSeed);
        var envelope = ResignedManifest(release, payload => payload["sequence"] = 0);

        Assert.True(ChannelManifestVerifier.TryVerify(envelope, LoadRootVector(), ProtocolVectorGenerator.Channel, 0, 0, ProtocolVectorGenerator.Issued,
            out var verified, out var failure), failure?.ToString());
        Assert.Equal(ManifestOutcome.NothingNew, verified.Outcome);
    }

    [Fact]
    public void C10_refuses_an_issued_time_more_than_an_hour_ahead_of_a_synchronised_clock_only()
    {
        var root = LoadRootVector();
        var envelope = Encoding.UTF8.GetBytes(Vector("channel-envelope")["envelope (text)"]);
        long issued = ProtocolVectorGenerator.Issued;

        Assert.Null(VerifyManifest(envelope, root, 0, clock: issued - DeviceClock.MaxClockSkewSeconds, synchronized: true));
        var failure = VerifyManifest(envelope, root, 0, clock: issued - DeviceClock.MaxClockSkewSeconds - 1, synchronized: true);
        Assert.Equal("C10 IssuedInFuture", $"{failure!.Step} {failure.Error}");
        // Unsynchronised: C10 is skipped, now = max(clock, last issued) (here the stored issued).
        long now = DeviceClock.EffectiveNow(0, false, issued);
        Assert.Equal(issued, now);
        Assert.True(ChannelManifestVerifier.TryVerify(envelope, root, ProtocolVectorGenerator.Channel, 0, 0, now,
            DeviceClock.MaxIssued(0, synchronized: false), out _, out failure), failure?.ToString());
    }

    [Fact]
    public void A_synchronised_clock_is_never_overridden_by_a_stored_issued_time()
    {
        Assert.Equal(1000, DeviceClock.EffectiveNow(1000, true, 5000));
        Assert.Equal(5000, DeviceClock.EffectiveNow(1000, false, 5000));
        Assert.Equal(6000, DeviceClock.EffectiveNow(6000, false, 5000));
    }

    [Fact]
    public void C6_checks_the_product_before_the_channel()
    {
        using var release = Ed25519KeyPair.FromSeed(ProtocolVectorGenerator.ReleaseSeed);
        var envelope = ResignedManifest(release, payload =>
        {
            payload["product"] = "another-product";
            payload["channel"] = "beta";
        });

        var failure = VerifyManifest(envelope, LoadRootVector(), 0);

        Assert.Equal("C6 WrongProduct", $"{failure!.Step} {failure.Error}");
    }

    // ---- Section 5: the device's anchor check ----

    [Theory]
    [InlineData("MIIBADCC", true)]    // 30 82 01 00: a DER SEQUENCE of 256 bytes, the smallest accepted
    [InlineData("MIIA/zCC", false)]   // 30 82 00 ff: 255 bytes
    [InlineData("MIGfMA0G", false)]   // 30 81 9f: a one-byte length
    [InlineData("AAAAAAAA", false)]   // not a SEQUENCE
    [InlineData("MIIFazC=", false)]   // not strict base64 of 6 bytes
    public void A_tls_anchor_body_must_start_with_a_der_sequence_of_at_least_256_bytes(string first8, bool accepted)
    {
        using var root = Ed25519KeyPair.FromSeed(ProtocolVectorGenerator.RootSeed);
        var envelope = JsonNode.Parse(Vector("root-envelope")["envelope (text)"])!;
        var payload = JsonNode.Parse(Convert.FromBase64String(envelope["payload"]!.GetValue<string>()))!;
        var pem = payload["tlsAnchors"]![0]!.GetValue<string>();
        const string begin = "-----BEGIN CERTIFICATE-----\n";
        Assert.StartsWith(begin + "MIIFazCC", pem);
        payload["tlsAnchors"]![0] = begin + first8 + pem[(begin.Length + 8)..];
        var bytes = Encoding.UTF8.GetBytes(payload.ToJsonString());
        var signed = new System.Text.Json.Nodes.JsonObject
        {
            ["payloadType"] = RootVerifier.PayloadType,
            ["payload"] = Convert.ToBase64String(bytes),
            ["signatures"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["keyid"] = Convert.ToHexStringLower(SHA256.HashData(root.PublicKey)),
                ["sig"] = Convert.ToBase64String(root.Sign(Pae.Encode(RootVerifier.PayloadType, bytes))),
            }),
        };

        bool loaded = RootVerifier.TryLoadTrusted(Encoding.UTF8.GetBytes(signed.ToJsonString()), out _, out var failure);

        Assert.Equal(accepted, loaded);
        if (!accepted) Assert.Equal("R5 Malformed", $"{failure.Step} {failure.Error}");
    }

    // ---- helpers ----

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    private static byte[] WithExtraSignature(byte[] envelope, string keyId, string sig)
    {
        var json = JsonNode.Parse(envelope)!;
        json["signatures"]!.AsArray().Add(new JsonObject { ["keyid"] = keyId, ["sig"] = sig });
        return Encoding.UTF8.GetBytes(json.ToJsonString());
    }

    /// <summary>The manifest vector's payload, changed, re-signed by the vectors' release key.</summary>
    private static byte[] ResignedManifest(Ed25519KeyPair release, Action<JsonNode> change)
    {
        var envelope = JsonNode.Parse(Vector("channel-envelope")["envelope (text)"])!;
        var payload = JsonNode.Parse(Convert.FromBase64String(envelope["payload"]!.GetValue<string>()))!;
        change(payload);
        var bytes = Encoding.UTF8.GetBytes(payload.ToJsonString());
        var signature = release.Sign(Pae.Encode(ChannelType, bytes));
        var signed = new JsonObject
        {
            ["payloadType"] = ChannelType,
            ["payload"] = Convert.ToBase64String(bytes),
            ["signatures"] = new JsonArray(new JsonObject
            {
                ["keyid"] = Convert.ToHexStringLower(SHA256.HashData(release.PublicKey)),
                ["sig"] = Convert.ToBase64String(signature),
            }),
        };
        return Encoding.UTF8.GetBytes(signed.ToJsonString());
    }

    private static VerificationFailure? VerifyManifest(byte[] envelope, TrustedRoot root, long highestSequence,
        long clock = ProtocolVectorGenerator.Issued, bool synchronized = true) =>
        ChannelManifestVerifier.TryVerify(envelope, root, ProtocolVectorGenerator.Channel, highestSequence, 0,
            DeviceClock.EffectiveNow(clock, synchronized, 0), DeviceClock.MaxIssued(clock, synchronized), out _, out var failure)
            ? null
            : failure;

    private static TrustedRoot LoadRootVector()
    {
        Assert.True(RootVerifier.TryLoadTrusted(Encoding.UTF8.GetBytes(Vector("root-envelope")["envelope (text)"]), out var root, out var failure),
            failure?.ToString());
        return root;
    }

    private static IReadOnlyDictionary<string, string> Vector(string name) =>
        Documented.Value[name].ToDictionary(l => l.Key, l => l.Value);
}
