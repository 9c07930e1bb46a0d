using System.Text;
using System.Text.Json.Nodes;
using SecureOta.Device.Core.Trust;
using SecureOta.Device.Host;
using SecureOta.Tests.Device.Support;

namespace SecureOta.Tests.Device;

public sealed class ChannelManifestVerifierTests : IDisposable
{
    private const long Issued = 1_800_000_000;
    private const long Expires = Issued + 14 * 86400;
    private const long Now = Issued + 3600;
    private const long Highest = Issued - 86400;
    private const long InstalledSecurity = 2;

    private static readonly TestArtifact Artifact = TestArtifact.Random(10_000, seed: 1);
    private readonly TestTrust _trust = new();

    public void Dispose() => _trust.Dispose();

    private static JsonObject Payload(long sequence = Issued, long issued = Issued, long expires = Expires, long securityVersion = 2) =>
        TestDocuments.Channel(Artifact, sequence, issued, expires, securityVersion);

    private VerifiedManifest Accept(byte[] envelope, long highest = Highest, long now = Now, string channel = "stable")
    {
        Assert.True(ChannelManifestVerifier.TryVerify(envelope, _trust.Root, channel, highest, InstalledSecurity, now,
            out VerifiedManifest verified, out VerificationFailure failure), failure?.ToString());
        return verified;
    }

    private VerificationFailure Refuse(byte[] envelope, long highest = Highest, long now = Now, string channel = "stable")
    {
        Assert.False(ChannelManifestVerifier.TryVerify(envelope, _trust.Root, channel, highest, InstalledSecurity, now,
            out VerifiedManifest verified, out VerificationFailure failure));
        Assert.Null(verified);
        Assert.False(string.IsNullOrWhiteSpace(failure.Message));
        return failure;
    }

    private static void AssertFailure(VerificationFailure failure, VerificationError error, string step)
    {
        Assert.True(failure.Error == error && failure.Step == step, $"expected {step} {error}, got {failure}");
    }

    [Fact]
    public void Accepts_new_release_and_exposes_every_member()
    {
        VerifiedManifest verified = Accept(_trust.SignManifest(Payload()));
        Assert.Equal(ManifestOutcome.NewRelease, verified.Outcome);
        ChannelManifest manifest = verified.Manifest;
        Assert.Equal("stable", manifest.Channel);
        Assert.Equal(Issued, manifest.Sequence);
        Assert.Equal(Issued, manifest.Issued);
        Assert.Equal(Expires, manifest.Expires);
        Assert.Equal("1.2.0", manifest.Release.Version);
        Assert.Equal(2, manifest.Release.SecurityVersion);
        Assert.Equal(Artifact.Plain.Length, manifest.Release.ImageSize);
        Assert.Equal(Artifact.ImageDigest, manifest.Release.ImageDigest);
        Assert.Equal(Artifact.KeyCheck, manifest.Release.KeyCheck);
        Assert.Equal("keys/1.2.0/", manifest.Release.KeysPath);
        Assert.Equal("keys/1.2.0/abc", manifest.Release.WrappedKeyPath("abc"));
        ManifestArtifact full = manifest.Release.FullArtifact;
        Assert.Equal("blobs/" + Convert.ToHexStringLower(Artifact.Sha256), full.Path);
        Assert.Equal(Artifact.Bytes.Length, full.Size);
        Assert.Equal(Artifact.Head, full.Head);
        Assert.Equal(Artifact.Iv, full.Iv);
        Assert.Equal(Artifact.Plain.Length, full.PlainSize);
        Assert.Equal(100, manifest.Rollout.Percent);
    }

    [Fact]
    public void Accepts_signature_by_any_release_key_and_refuses_root_keys()
    {
        Accept(_trust.SignManifest(Payload(), _trust.ReleaseKeys[1]));
        AssertFailure(Refuse(_trust.SignManifest(Payload(), _trust.RootKeys)), VerificationError.SignatureThreshold, "C4");
    }

    [Fact]
    public void Rejects_manifest_signed_by_arbitrary_key()
    {
        using var attacker = new TestSigner();
        AssertFailure(Refuse(_trust.SignManifest(Payload(), attacker)), VerificationError.SignatureThreshold, "C4");
    }

    [Fact]
    public void Rejects_altered_payload()
    {
        byte[] envelope = _trust.SignManifest(Payload());
        var tree = JsonNode.Parse(envelope)!;
        byte[] payload = Convert.FromBase64String((string)tree["payload"]!);
        string altered = Encoding.UTF8.GetString(payload).Replace("\"securityVersion\":2", "\"securityVersion\":9");
        tree["payload"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(altered));
        AssertFailure(Refuse(Encoding.UTF8.GetBytes(tree.ToJsonString())), VerificationError.SignatureThreshold, "C4");
    }

    [Fact]
    public void Revoked_release_key_is_refused_after_root_rotation()
    {
        // Root v2 drops release key 0 (leaked) and keeps key 1.
        JsonObject v2 = TestDocuments.Root(2, TestTrust.RootExpires, _trust.RootKeys, 2, [_trust.ReleaseKeys[1]], 1);
        Assert.True(RootVerifier.TryAcceptNext(_trust.Root, TestEnvelope.Sign(TestEnvelope.RootType, v2, _trust.RootKeys), out TrustedRoot root2, out _));
        byte[] byLeakedKey = _trust.SignManifest(Payload(), _trust.ReleaseKeys[0]);
        Assert.False(ChannelManifestVerifier.TryVerify(byLeakedKey, root2, "stable", Highest, InstalledSecurity, Now, out _, out VerificationFailure failure));
        AssertFailure(failure, VerificationError.SignatureThreshold, "C4");
    }

    [Fact]
    public void Rejects_wrong_payload_type()
    {
        byte[] envelope = TestEnvelope.Sign(TestEnvelope.RootType, Payload(), _trust.ReleaseKeys[0]);
        AssertFailure(Refuse(envelope), VerificationError.WrongPayloadType, "C3");
    }

    [Fact]
    public void Rejects_manifest_envelope_over_16_KiB()
    {
        JsonObject payload = Payload();
        payload["padding"] = new string('x', 16384);
        AssertFailure(Refuse(_trust.SignManifest(payload)), VerificationError.TooLarge, "C1");
    }

    [Fact]
    public void Rejects_malformed_envelope()
    {
        AssertFailure(Refuse("not json"u8.ToArray()), VerificationError.Malformed, "C2");
    }

    [Fact]
    public void Rejects_wrong_channel()
    {
        AssertFailure(Refuse(_trust.SignManifest(Payload()), channel: "beta"), VerificationError.WrongChannel, "C6");
    }

    [Fact]
    public void Rejects_rollback_to_lower_sequence()
    {
        AssertFailure(Refuse(_trust.SignManifest(Payload()), highest: Issued + 1), VerificationError.RolledBack, "C7");
    }

    [Fact]
    public void Equal_sequence_is_nothing_new()
    {
        // Even an expired replay of the current manifest is "nothing new", never an error.
        VerifiedManifest verified = Accept(_trust.SignManifest(Payload()), highest: Issued, now: Expires + 1);
        Assert.Equal(ManifestOutcome.NothingNew, verified.Outcome);
        Assert.Equal(Issued, verified.Manifest.Sequence);
    }

    [Fact]
    public void Rejects_expired_manifest()
    {
        AssertFailure(Refuse(_trust.SignManifest(Payload()), now: Expires), VerificationError.Expired, "C8");
        Accept(_trust.SignManifest(Payload()), now: Expires - 1);
    }

    [Fact]
    public void Freeze_with_unset_clock_uses_stored_issued_time()
    {
        // The device accepted a manifest issued at `lastIssued`; after a reset its clock reads 0.
        // A frozen manifest (new sequence, but expired before lastIssued) must still be refused.
        const long lastIssued = Expires + 100;
        byte[] frozen = _trust.SignManifest(Payload(sequence: Highest + 1));
        long now = DeviceClock.EffectiveNow(clockNow: 0, lastAcceptedIssued: lastIssued);
        Assert.Equal(lastIssued, now);
        AssertFailure(Refuse(frozen, now: now), VerificationError.Expired, "C8");
        // With the raw, unset clock the same manifest would have passed: the rule is what stops it.
        Accept(frozen, now: 0);
    }

    [Fact]
    public void Device_clock_is_used_when_set()
    {
        Assert.True(DeviceClock.IsSet(2000, 1000));
        Assert.Equal(2000, DeviceClock.EffectiveNow(2000, 1000));
        Assert.False(DeviceClock.IsSet(999, 1000));
        Assert.Equal(1000, DeviceClock.EffectiveNow(999, 1000));
    }

    [Fact]
    public void Rejects_security_downgrade()
    {
        AssertFailure(Refuse(_trust.SignManifest(Payload(securityVersion: 1))), VerificationError.SecurityDowngrade, "C9");
        Assert.Equal(ManifestOutcome.NewRelease, Accept(_trust.SignManifest(Payload(securityVersion: 3))).Outcome);
    }

    public static TheoryData<string, string> MalformedManifests => new()
    {
        { "type", "\"secureota/root\"" },
        { "spec", "1" },
        { "spec", "3" },
        { "channel", "\"Stable\"" },
        { "channel", "\"" + new string('a', 33) + "\"" },
        { "channel", "\"\"" },
        { "sequence", "-1" },
        { "sequence", "1.5" },
        { "issued", "" + Expires },
        { "release.version", "\"1.2\"" },
        { "release.version", "\"01.2.0\"" },
        { "release.version", "\"1.2.0-01\"" },
        { "release.securityVersion", "4294967296" },
        { "release.imageSize", "16777217" },
        { "release.imageSize", "0" },
        { "release.imageDigest", "\"" + new string('A', 64) + "\"" },
        { "release.imageSha256", "\"00\"" },
        { "release.keyCheck", "\"" + new string('0', 64) + "\"" },
        { "release.keys", "\"keys/1.2.1/\"" },
        { "release.keys", "\"../keys/1.2.0/\"" },
        { "release.artifacts", "[]" },
        { "release.artifacts.0.kind", "\"delta\"" },
        { "release.artifacts.0.path", "\"https://evil.example/blob\"" },
        { "release.artifacts.0.path", "\"blobs/" + new string('0', 64) + "\"" },
        { "release.artifacts.0.size", "10016" },
        { "release.artifacts.0.plainSize", "9999" },
        { "release.artifacts.0.iv", "\"00\"" },
        { "release.artifacts.0.head", "null" },
        { "rollout.percent", "101" },
        { "rollout.salt", "\"00\"" },
        { "rollout", "null" },
    };

    [Theory]
    [MemberData(nameof(MalformedManifests))]
    public void Rejects_manifest_breaking_section_6(string member, string json)
    {
        JsonObject payload = Payload();
        JsonPath.Set(payload, member, JsonNode.Parse(json));
        AssertFailure(Refuse(_trust.SignManifest(payload)), VerificationError.Malformed, "C5");
    }

    [Fact]
    public void Rejects_artifact_path_not_named_by_its_sha256()
    {
        JsonObject payload = Payload();
        payload["release"]!["artifacts"]![0]!["path"] = "blobs/../" + Convert.ToHexStringLower(Artifact.Sha256);
        VerificationFailure failure = Refuse(_trust.SignManifest(payload));
        AssertFailure(failure, VerificationError.Malformed, "C5");
        Assert.Contains("path", failure.Message);
    }

    [Fact]
    public void Rejects_artifact_size_inconsistent_with_plain_size()
    {
        JsonObject payload = Payload();
        payload["release"]!["artifacts"]![0]!["size"] = Artifact.Bytes.Length + 16;
        VerificationFailure failure = Refuse(_trust.SignManifest(payload));
        AssertFailure(failure, VerificationError.Malformed, "C5");
        Assert.Contains("size", failure.Message);
    }

    [Fact]
    public void Unknown_artifact_kinds_are_skipped()
    {
        JsonObject payload = Payload();
        var artifacts = (JsonArray)payload["release"]!["artifacts"]!;
        artifacts.Insert(0, new JsonObject { ["kind"] = "delta-v2", ["anything"] = new JsonArray(1, 2) });
        Assert.Equal("full", Accept(_trust.SignManifest(payload)).Manifest.Release.FullArtifact.Kind);
    }

    [Fact]
    public void Rejects_two_full_artifacts()
    {
        JsonObject payload = Payload();
        var artifacts = (JsonArray)payload["release"]!["artifacts"]!;
        artifacts.Add(artifacts[0]!.DeepClone());
        AssertFailure(Refuse(_trust.SignManifest(payload)), VerificationError.Malformed, "C5");
    }

    [Fact]
    public void Rejects_more_than_eight_artifacts()
    {
        JsonObject payload = Payload();
        var artifacts = (JsonArray)payload["release"]!["artifacts"]!;
        for (int i = 0; i < 8; i++) artifacts.Add(new JsonObject { ["kind"] = "other" });
        AssertFailure(Refuse(_trust.SignManifest(payload)), VerificationError.Malformed, "C5");
    }

    [Fact]
    public void Ignores_unknown_members()
    {
        JsonObject payload = Payload();
        payload["future"] = new JsonObject { ["x"] = 1 };
        payload["release"]!["notes"] = "hello";
        Assert.Equal(ManifestOutcome.NewRelease, Accept(_trust.SignManifest(payload)).Outcome);
    }

    [Fact]
    public void Rollout_includes_exactly_the_devices_the_specified_hmac_puts_below_percent()
    {
        JsonObject payload = Payload();
        payload["rollout"]!["percent"] = 30;
        RolloutPolicy rollout = Accept(_trust.SignManifest(payload)).Manifest.Rollout;
        Assert.Equal(30, rollout.Percent);
        var hmac = new DotNetHmacSha256();
        int included = 0;
        for (int device = 0; device < 200; device++)
        {
            byte[] id = System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(device));
            byte[] mac = System.Security.Cryptography.HMACSHA256.HashData("SecureOta/v1/rollout"u8.ToArray(), (byte[])[.. rollout.Salt, .. id]);
            bool expected = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(mac) % 100 < 30;
            Assert.Equal(expected, rollout.Includes(hmac, id));
            if (expected) included++;
        }
        // Both answers occur, so the comparison above exercised both branches.
        Assert.InRange(included, 1, 199);
    }
}
