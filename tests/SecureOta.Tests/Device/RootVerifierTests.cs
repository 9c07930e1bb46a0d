using System.Text;
using System.Text.Json.Nodes;
using SecureOta.Device.Core.Trust;
using SecureOta.Tests.Device.Support;

namespace SecureOta.Tests.Device;

public sealed class RootVerifierTests : IDisposable
{
    private readonly TestTrust _trust = new();

    public void Dispose() => _trust.Dispose();

    private static VerificationFailure RefuseNext(TrustedRoot current, byte[] envelope)
    {
        Assert.False(RootVerifier.TryAcceptNext(current, envelope, out TrustedRoot next, out VerificationFailure failure));
        Assert.Null(next);
        Assert.NotNull(failure);
        Assert.False(string.IsNullOrWhiteSpace(failure.Message));
        return failure;
    }

    private static TrustedRoot AcceptNext(TrustedRoot current, byte[] envelope)
    {
        Assert.True(RootVerifier.TryAcceptNext(current, envelope, out TrustedRoot next, out VerificationFailure failure), failure?.ToString());
        return next;
    }

    private static void AssertFailure(VerificationFailure failure, VerificationError error, string step)
    {
        Assert.Equal(error, failure.Error);
        Assert.Equal(step, failure.Step);
    }

    [Fact]
    public void Provisioned_root_loads_with_its_roles_and_anchors()
    {
        TrustedRoot root = _trust.Root;
        Assert.Equal(1, root.Version);
        Assert.Equal(TestTrust.RootExpires, root.Expires);
        Assert.Equal(2, root.RootRole.Threshold);
        Assert.Equal(3, root.RootRole.KeyCount);
        Assert.Equal(1, root.ReleaseRole.Threshold);
        Assert.Equal(_trust.ReleaseKeys[1].KeyId, root.ReleaseRole.GetKeyId(1));
        Assert.Equal(_trust.ReleaseKeys[1].PublicKey, root.ReleaseRole.GetPublicKey(1));
        Assert.Equal(TestDocuments.Certificate, root.GetTlsAnchor(0));
        Assert.Equal(_trust.RootV1, root.Envelope);
    }

    [Fact]
    public void Rotation_is_followed_to_new_root_keys()
    {
        using var newRoot = new TestSigner();
        JsonObject v2 = TestDocuments.Root(2, TestTrust.RootExpires, [newRoot], 1, _trust.ReleaseKeys, 1);
        // Signed by two of root v1's keys (R4) and by the new key (R7).
        TrustedRoot root2 = AcceptNext(_trust.Root, TestEnvelope.Sign(TestEnvelope.RootType, v2, _trust.RootKeys[0], _trust.RootKeys[1], newRoot));
        Assert.Equal(2, root2.Version);

        // v3 needs only v2's root key: the old root keys are out.
        JsonObject v3 = TestDocuments.Root(3, TestTrust.RootExpires, [newRoot], 1, _trust.ReleaseKeys, 1);
        Assert.Equal(3, AcceptNext(root2, TestEnvelope.Sign(TestEnvelope.RootType, v3, newRoot)).Version);
        AssertFailure(RefuseNext(root2, TestEnvelope.Sign(TestEnvelope.RootType, v3, _trust.RootKeys[0], _trust.RootKeys[1])),
            VerificationError.SignatureThreshold, "R4");
    }

    [Fact]
    public void Rejects_rotation_not_signed_by_the_trusted_root_role()
    {
        using var attacker = new TestSigner();
        JsonObject v2 = TestDocuments.Root(2, TestTrust.RootExpires, [attacker], 1, [attacker], 1);
        AssertFailure(RefuseNext(_trust.Root, TestEnvelope.Sign(TestEnvelope.RootType, v2, attacker)), VerificationError.SignatureThreshold, "R4");
        // One of the trusted root keys is below the threshold of two.
        AssertFailure(RefuseNext(_trust.Root, TestEnvelope.Sign(TestEnvelope.RootType, v2, attacker, _trust.RootKeys[0])),
            VerificationError.SignatureThreshold, "R4");
    }

    [Fact]
    public void Rejects_rotation_not_signed_by_its_own_new_root_keys()
    {
        using var newRoot = new TestSigner();
        JsonObject v2 = TestDocuments.Root(2, TestTrust.RootExpires, [newRoot], 1, _trust.ReleaseKeys, 1);
        AssertFailure(RefuseNext(_trust.Root, TestEnvelope.Sign(TestEnvelope.RootType, v2, _trust.RootKeys[0], _trust.RootKeys[1])),
            VerificationError.SignatureThreshold, "R7");
    }

    [Theory]
    [InlineData(3)]  // skips version 2
    [InlineData(1)]  // replays the trusted version
    [InlineData(100)]
    public void Rejects_root_version_other_than_next(long version)
    {
        byte[] envelope = TestEnvelope.Sign(TestEnvelope.RootType, _trust.RootPayload(version), _trust.RootKeys);
        AssertFailure(RefuseNext(_trust.Root, envelope), VerificationError.RootVersionMismatch, "R6");
    }

    [Fact]
    public void Rejects_wrong_payload_type()
    {
        byte[] envelope = TestEnvelope.Sign(TestEnvelope.ChannelType, _trust.RootPayload(2), _trust.RootKeys);
        AssertFailure(RefuseNext(_trust.Root, envelope), VerificationError.WrongPayloadType, "R3");
    }

    [Fact]
    public void Rejects_root_envelope_over_64_KiB()
    {
        JsonObject payload = _trust.RootPayload(2);
        payload["padding"] = new string('x', 65536);
        AssertFailure(RefuseNext(_trust.Root, TestEnvelope.Sign(TestEnvelope.RootType, payload, _trust.RootKeys)), VerificationError.TooLarge, "R1");
    }

    [Fact]
    public void Rejects_malformed_envelope()
    {
        AssertFailure(RefuseNext(_trust.Root, "{\"payloadType\":"u8.ToArray()), VerificationError.Malformed, "R2");
    }

    [Fact]
    public void Rejects_key_listed_under_another_id()
    {
        JsonObject payload = _trust.RootPayload(2);
        payload["keys"]![0]!["public"] = Convert.ToHexStringLower(_trust.RootKeys[1].PublicKey);
        payload["keys"]![1]!["public"] = Convert.ToHexStringLower(_trust.RootKeys[0].PublicKey);
        AssertFailure(RefuseNext(_trust.Root, TestEnvelope.Sign(TestEnvelope.RootType, payload, _trust.RootKeys)), VerificationError.KeyIdMismatch, "R5");
    }

    public static TheoryData<string, string> MalformedRootPayloads => new()
    {
        { "type", "\"secureota/channel\"" },
        { "spec", "1" },
        { "spec", "3" },
        { "version", "\"2\"" },
        { "expires", "null" },
        { "tlsAnchors", "[]" },
        { "tlsAnchors", "[\"not a certificate\"]" },
        { "tlsAnchors", "[1]" },
        { "keys", "[]" },
        { "roles", "{}" },
        { "roles.root.threshold", "4" },
        { "roles.root.threshold", "0" },
        { "roles.release.keyIds", "[]" },
        { "roles.release.keyIds", "[\"" + new string('0', 64) + "\"]" },
        { "keys.0.scheme", "\"rsa\"" },
        { "keys.0.public", "\"00\"" },
        { "keys.0.id", "\"XYZ\"" },
    };

    [Theory]
    [MemberData(nameof(MalformedRootPayloads))]
    public void Rejects_root_payload_breaking_section_5(string member, string json)
    {
        JsonObject payload = _trust.RootPayload(2);
        JsonPath.Set(payload, member, JsonNode.Parse(json));
        AssertFailure(RefuseNext(_trust.Root, TestEnvelope.Sign(TestEnvelope.RootType, payload, _trust.RootKeys)), VerificationError.Malformed, "R5");
    }

    [Fact]
    public void Rejects_role_listing_a_key_id_twice()
    {
        JsonObject payload = _trust.RootPayload(2);
        string id = _trust.RootKeys[0].KeyId;
        payload["roles"]!["root"]!["keyIds"] = new JsonArray(id, id, _trust.RootKeys[1].KeyId);
        VerificationFailure failure = RefuseNext(_trust.Root, TestEnvelope.Sign(TestEnvelope.RootType, payload, _trust.RootKeys));
        AssertFailure(failure, VerificationError.Malformed, "R5");
        Assert.Contains("twice", failure.Message);
    }

    [Fact]
    public void Rejects_duplicate_member_in_root_payload()
    {
        string json = _trust.RootPayload(2).ToJsonString();
        byte[] payload = Encoding.UTF8.GetBytes(json.Replace("\"version\":2", "\"version\":2,\"version\":2"));
        AssertFailure(RefuseNext(_trust.Root, TestEnvelope.Sign(TestEnvelope.RootType, payload, _trust.RootKeys)), VerificationError.Malformed, "R5");
    }

    [Fact]
    public void Chain_walk_stops_at_32_new_versions()
    {
        var walk = new RootChainWalk(_trust.Root);
        for (long version = 2; version <= 33; version++)
        {
            Assert.True(walk.CanFetchMore);
            Assert.Equal(version, walk.NextVersion);
            byte[] envelope = TestEnvelope.Sign(TestEnvelope.RootType, _trust.RootPayload(version), _trust.RootKeys[0], _trust.RootKeys[1]);
            Assert.True(walk.TryAccept(envelope, out VerificationFailure failure), failure?.ToString());
        }
        Assert.False(walk.CanFetchMore);
        Assert.Equal(32, walk.AcceptedCount);
        byte[] next = TestEnvelope.Sign(TestEnvelope.RootType, _trust.RootPayload(34), _trust.RootKeys[0], _trust.RootKeys[1]);
        Assert.False(walk.TryAccept(next, out VerificationFailure capped));
        AssertFailure(capped, VerificationError.RootChainTooLong, "RW");
        Assert.True(walk.TryFinish(1_800_000_000, out TrustedRoot newest, out _));
        Assert.Equal(33, newest.Version);
    }

    [Fact]
    public void Chain_walk_keeps_the_last_good_root_when_a_link_is_bad()
    {
        var walk = new RootChainWalk(_trust.Root);
        using var attacker = new TestSigner();
        byte[] forged = TestEnvelope.Sign(TestEnvelope.RootType, _trust.RootPayload(2), attacker);
        Assert.False(walk.TryAccept(forged, out VerificationFailure failure));
        AssertFailure(failure, VerificationError.SignatureThreshold, "R4");
        Assert.Equal(1, walk.Newest.Version);
    }

    [Fact]
    public void Rejects_expired_newest_root_after_the_walk()
    {
        var walk = new RootChainWalk(_trust.Root);
        byte[] expiring = TestEnvelope.Sign(TestEnvelope.RootType, _trust.RootPayload(2, expires: 1_700_000_000), _trust.RootKeys);
        // Expiry is not a reason to refuse a link: a newer root may follow.
        Assert.True(walk.TryAccept(expiring, out _));
        Assert.False(walk.TryFinish(1_700_000_000, out TrustedRoot newest, out VerificationFailure failure));
        Assert.Null(newest);
        AssertFailure(failure, VerificationError.Expired, "R8");

        byte[] fresh = TestEnvelope.Sign(TestEnvelope.RootType, _trust.RootPayload(3), _trust.RootKeys);
        Assert.True(walk.TryAccept(fresh, out _));
        Assert.True(walk.TryFinish(1_700_000_000, out newest, out _));
        Assert.Equal(3, newest.Version);
    }

    [Fact]
    public void Expired_root_is_refused_with_an_unset_clock_after_a_later_manifest()
    {
        // The clock reads 1970 after a reset; the last accepted manifest was issued after the root expired.
        long now = DeviceClock.EffectiveNow(clockNow: 0, lastAcceptedIssued: TestTrust.RootExpires + 10);
        Assert.False(RootVerifier.CheckNotExpired(_trust.Root, now, out VerificationFailure failure));
        AssertFailure(failure, VerificationError.Expired, "R8");
    }

    [Fact]
    public void Stored_root_that_lost_its_own_signatures_does_not_load()
    {
        byte[] envelope = TestEnvelope.Sign(TestEnvelope.RootType, _trust.RootPayload(1), _trust.RootKeys[0]);
        Assert.False(RootVerifier.TryLoadTrusted(envelope, out TrustedRoot root, out VerificationFailure failure));
        Assert.Null(root);
        AssertFailure(failure, VerificationError.SignatureThreshold, "R7");
    }
}
