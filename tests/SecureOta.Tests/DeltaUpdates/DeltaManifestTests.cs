using System.Text.Json.Nodes;
using SecureOta.Device.Core.Trust;
using SecureOta.Tests.Device.Support;

namespace SecureOta.Tests.DeltaUpdates;

/// <summary>
/// The device core reads delta artifacts of a channel manifest (PROTOCOL.md section 11a) with the rules of
/// sections 6 and 11: each needs a base digest and version, a base appears once, the full artifact stays
/// mandatory, unknown kinds are still skipped, and the eight-artifact limit counts patches too.
/// </summary>
public sealed class DeltaManifestTests : IDisposable
{
    private const long Issued = 1_800_000_000;
    private const long Now = Issued + 3600;

    private static readonly TestArtifact Image = TestArtifact.Random(10_000, seed: 11);
    private static readonly TestArtifact Patch = TestArtifact.Random(700, seed: 12);
    private static readonly byte[] BaseA = Enumerable.Repeat((byte)0xa1, 32).ToArray();
    private static readonly byte[] BaseB = Enumerable.Repeat((byte)0xb2, 32).ToArray();
    private readonly TestTrust _trust = new();

    public void Dispose() => _trust.Dispose();

    private static JsonObject Payload(params JsonObject[] deltas)
    {
        JsonObject payload = TestDocuments.Channel(Image, Issued, Issued, Issued + 86400);
        var artifacts = (JsonArray)payload["release"]!["artifacts"]!;
        foreach (JsonObject delta in deltas) artifacts.Add(delta);
        return payload;
    }

    private static JsonObject Delta(byte[] baseDigest, string baseVersion = "1.1.0")
    {
        string sha256 = Convert.ToHexStringLower(Patch.Sha256);
        return new JsonObject
        {
            ["kind"] = "delta",
            ["path"] = "blobs/" + sha256,
            ["size"] = Patch.Bytes.Length,
            ["sha256"] = sha256,
            ["head"] = Convert.ToHexStringLower(Patch.Head),
            ["iv"] = Convert.ToHexStringLower(Patch.Iv),
            ["plainSize"] = Patch.Plain.Length,
            ["baseDigest"] = Convert.ToHexStringLower(baseDigest),
            ["baseVersion"] = baseVersion,
        };
    }

    private bool TryVerify(JsonObject payload, out ReleaseTarget release, out VerificationFailure failure)
    {
        bool ok = ChannelManifestVerifier.TryVerify(_trust.SignManifest(payload), _trust.Root, "stable", 0, 0, Now, out VerifiedManifest verified, out failure);
        release = verified?.Manifest.Release!;
        return ok;
    }

    private ReleaseTarget Accept(JsonObject payload)
    {
        Assert.True(TryVerify(payload, out ReleaseTarget release, out VerificationFailure failure), failure?.ToString());
        return release;
    }

    private VerificationFailure Refuse(JsonObject payload)
    {
        Assert.False(TryVerify(payload, out _, out VerificationFailure failure));
        Assert.True(failure.Error == VerificationError.Malformed && failure.Step == "C5", failure.ToString());
        return failure;
    }

    [Fact]
    public void Reads_each_delta_with_its_base_digest_version_and_the_patch_as_plain_size()
    {
        ReleaseTarget release = Accept(Payload(Delta(BaseA, "1.1.0"), Delta(BaseB, "1.0.0")));

        Assert.Equal(2, release.DeltaCount);
        ManifestArtifact first = release.GetDelta(0);
        Assert.True(first.IsDelta);
        Assert.Equal(("delta", "1.1.0"), (first.Kind, first.BaseVersion));
        Assert.Equal(BaseA, first.BaseDigest);
        Assert.Equal((Patch.Bytes.Length, Patch.Plain.Length), (first.Size, first.PlainSize));
        Assert.Equal(Patch.Head, first.Head);
        Assert.Equal("1.0.0", release.GetDelta(1).BaseVersion);
        Assert.False(release.FullArtifact.IsDelta);
        Assert.Null(release.FullArtifact.BaseDigest);
    }

    [Fact]
    public void Finds_the_delta_whose_base_is_the_running_image_and_none_for_another_image()
    {
        ReleaseTarget release = Accept(Payload(Delta(BaseA, "1.1.0"), Delta(BaseB, "1.0.0")));

        Assert.Equal("1.0.0", release.FindDelta(BaseB)!.BaseVersion);
        Assert.Equal("1.1.0", release.FindDelta(BaseA)!.BaseVersion);
        Assert.Null(release.FindDelta(new byte[32]));
        Assert.Throws<ArgumentException>(() => release.FindDelta(new byte[31]));
    }

    [Fact]
    public void A_manifest_without_patches_has_no_delta()
    {
        ReleaseTarget release = Accept(Payload());

        Assert.Equal(0, release.DeltaCount);
        Assert.Null(release.FindDelta(BaseA));
    }

    public static TheoryData<string, string?> BrokenDeltaMembers => new()
    {
        { "baseDigest", null },
        { "baseDigest", "\"" + new string('A', 64) + "\"" },
        { "baseDigest", "\"00\"" },
        { "baseVersion", null },
        { "baseVersion", "\"1.1\"" },
        { "baseVersion", "7" },
        { "plainSize", "0" },
        { "plainSize", "16777217" },
        { "size", "1" },
        { "path", "\"blobs/" + new string('0', 64) + "\"" },
        { "head", "\"00\"" },
    };

    [Theory]
    [MemberData(nameof(BrokenDeltaMembers))]
    public void Rejects_a_delta_breaking_section_11a(string member, string? json)
    {
        JsonObject delta = Delta(BaseA);
        if (json is null) delta.Remove(member);
        else delta[member] = JsonNode.Parse(json);

        Assert.Contains(member, Refuse(Payload(delta)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_two_patches_for_the_same_base()
    {
        Assert.Contains("baseDigest repeats", Refuse(Payload(Delta(BaseA, "1.1.0"), Delta(BaseA, "1.0.0"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_delta_alone_is_not_enough_the_full_image_stays_mandatory()
    {
        JsonObject payload = Payload(Delta(BaseA));
        ((JsonArray)payload["release"]!["artifacts"]!).RemoveAt(0);

        Assert.Contains("no artifact of kind \"full\"", Refuse(payload).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_kinds_beside_patches_are_still_skipped()
    {
        JsonObject payload = Payload(Delta(BaseA));
        ((JsonArray)payload["release"]!["artifacts"]!).Insert(1, new JsonObject { ["kind"] = "delta-v2", ["baseDigest"] = 5 });

        ReleaseTarget release = Accept(payload);

        Assert.Equal(1, release.DeltaCount);
        Assert.Equal("1.1.0", release.GetDelta(0).BaseVersion);
    }

    [Fact]
    public void Seven_patches_fit_beside_the_full_image_and_an_eighth_breaks_the_limit()
    {
        JsonObject[] Seven() => Enumerable.Range(1, 7).Select(i => Delta(Enumerable.Repeat((byte)i, 32).ToArray())).ToArray();
        Assert.Equal(7, Accept(Payload(Seven())).DeltaCount);

        Assert.Contains("1 to 8 elements", Refuse(Payload([.. Seven(), Delta(BaseA)])).Message, StringComparison.Ordinal);
    }
}
