using System.Text.Json;
using SecureOta.Build.Crypto;
using SecureOta.Build.Publishing;

namespace SecureOta.Tests.Publishing;

/// <summary>The channel manifest payload of docs/PROTOCOL.md section 6: exact members, types and limits.</summary>
public sealed class ChannelManifestWriterTests
{
    private const int ImageSize = 10000;
    private static readonly byte[] Seed = PublishingSamples.ReleaseSeed();
    private static readonly byte[] ContentKey = ContentKeyDerivation.ContentKey(Seed, "1.2.0-rc.1+build.7");
    private static readonly EncryptedArtifact Artifact = EncryptImage();

    [Fact]
    public void Payload_round_trips_with_exactly_the_members_of_the_spec()
    {
        ChannelManifest manifest = Sample();

        using JsonDocument document = JsonDocument.Parse(ChannelManifestWriter.Write(manifest));

        JsonElement payload = document.RootElement;
        Assert.Equal(["type", "spec", "product", "channel", "sequence", "issued", "expires", "release", "rollout"], JsonAssert.Names(payload));
        Assert.Equal("secureota/channel", payload.GetProperty("type").GetString());
        Assert.Equal(2, JsonAssert.Integer(payload, "spec"));
        Assert.Equal("acme", payload.GetProperty("product").GetString());
        Assert.Equal("beta", payload.GetProperty("channel").GetString());
        Assert.Equal(1795000000, JsonAssert.Integer(payload, "sequence"));
        Assert.Equal(1795000000, JsonAssert.Integer(payload, "issued"));
        Assert.Equal(1796209600, JsonAssert.Integer(payload, "expires"));

        JsonElement release = payload.GetProperty("release");
        Assert.Equal(["version", "securityVersion", "imageSize", "imageDigest", "imageSha256", "keyCheck", "keys", "approval", "artifacts"],
            JsonAssert.Names(release));
        Assert.Equal(Approval, release.GetProperty("approval").GetBytesFromBase64());
        Assert.Equal("1.2.0-rc.1+build.7", release.GetProperty("version").GetString());
        Assert.Equal(4294967295, JsonAssert.Integer(release, "securityVersion"));
        Assert.Equal(ImageSize, JsonAssert.Integer(release, "imageSize"));
        Assert.Equal(manifest.Release.ImageDigest, JsonAssert.Hex(release, "imageDigest"));
        Assert.Equal(manifest.Release.ImageSha256, JsonAssert.Hex(release, "imageSha256"));
        Assert.Equal(WrappedKeyWriter.KeyCheck(ContentKey), JsonAssert.Hex(release, "keyCheck"));
        Assert.Equal("keys/1.2.0-rc.1+build.7/", release.GetProperty("keys").GetString());

        JsonElement artifact = Assert.Single(release.GetProperty("artifacts").EnumerateArray());
        Assert.Equal(["kind", "path", "size", "sha256", "head", "iv", "plainSize"], JsonAssert.Names(artifact));
        Assert.Equal("full", artifact.GetProperty("kind").GetString());
        Assert.Equal(Artifact.Path, artifact.GetProperty("path").GetString());
        Assert.Equal(Artifact.Size, JsonAssert.Integer(artifact, "size"));
        Assert.Equal(Artifact.Sha256, JsonAssert.Hex(artifact, "sha256"));
        Assert.Equal(Artifact.Head, JsonAssert.Hex(artifact, "head"));
        Assert.Equal(Artifact.Iv, JsonAssert.Hex(artifact, "iv"));
        Assert.Equal(ImageSize, JsonAssert.Integer(artifact, "plainSize"));

        JsonElement rollout = payload.GetProperty("rollout");
        Assert.Equal(["percent", "salt"], JsonAssert.Names(rollout));
        Assert.Equal(25, JsonAssert.Integer(rollout, "percent"));
        Assert.Equal(ContentKeyDerivation.RolloutSalt("acme", "beta", "1.2.0-rc.1+build.7"), JsonAssert.Hex(rollout, "salt"));
    }

    [Fact]
    public void Same_manifest_gives_the_same_bytes()
    {
        Assert.Equal(ChannelManifestWriter.Write(Sample()), ChannelManifestWriter.Write(Sample()));
    }

    [Fact]
    public void Manifest_with_eight_artifacts_fits_the_channel_envelope_limit()
    {
        ArtifactEntry full = ArtifactEntry.From(Artifact);
        ChannelManifest manifest = Sample();
        // Seven patches with the longest base version allowed, each for its own base.
        string longest = "1.0.0-" + new string('a', 58);
        manifest = manifest with { Release = manifest.Release with
        {
            Artifacts = [full, .. Enumerable.Range(0, 7).Select(i => ArtifactEntry.Delta(Artifact, Enumerable.Repeat((byte)i, 32).ToArray(), longest))],
        } };
        using Ed25519KeyPair signer = Ed25519KeyPair.FromSeed(PublishingSamples.TestSecret(1));

        byte[] envelope = EnvelopeSigner.Sign(PayloadTypes.Channel, ChannelManifestWriter.Write(manifest), signer);

        Assert.InRange(envelope.Length, 1, ProtocolLimits.MaxChannelEnvelopeSize);
    }

    public static TheoryData<string, Func<ChannelManifest, ChannelManifest>> BrokenManifests => new()
    {
        { "channel", m => m with { Channel = "Beta" } },
        { "channel", m => m with { Channel = new string('a', 33) } },
        { "sequence", m => m with { Sequence = ProtocolLimits.MaxJsonInteger + 1 } },
        { "expires", m => m with { Expires = m.Issued } },
        { "release.version", m => m with { Release = m.Release with { Version = "1.2" } } },
        { "release.version", m => m with { Release = m.Release with { Version = "01.2.0" } } },
        { "release.version", m => m with { Release = m.Release with { Version = "1.2.0-" + new string('a', 59) } } },
        { "release.securityVersion", m => m with { Release = m.Release with { SecurityVersion = 4294967296 } } },
        { "release.imageSize", m => m with { Release = m.Release with { ImageSize = 16777217 } } },
        { "release.imageDigest", m => m with { Release = m.Release with { ImageDigest = new byte[31] } } },
        { "release.keyCheck", m => m with { Release = m.Release with { KeyCheck = new byte[32] } } },
        { "release.artifacts", m => m with { Release = m.Release with { Artifacts = [] } } },
        { "release.artifacts", m => m with { Release = m.Release with { Artifacts = Enumerable.Repeat(ArtifactEntry.From(Artifact), 9).ToArray() } } },
        { "release.artifacts", m => m with { Release = m.Release with { Artifacts = [ArtifactEntry.From(Artifact), ArtifactEntry.From(Artifact)] } } },
        { "release.artifacts", m => m with { Release = m.Release with { Artifacts = [Delta(1, "1.0.0")] } } },
        { "release.artifacts[1].baseDigest", m => m with { Release = m.Release with { Artifacts = [ArtifactEntry.From(Artifact), ArtifactEntry.From(Artifact, "delta")] } } },
        { "release.artifacts[1].baseDigest", m => m with { Release = m.Release with { Artifacts = [ArtifactEntry.From(Artifact), Delta(1, "1.0.0") with { BaseDigest = new byte[31] }] } } },
        { "release.artifacts[2].baseDigest", m => m with { Release = m.Release with { Artifacts = [ArtifactEntry.From(Artifact), Delta(1, "1.0.0"), Delta(1, "1.1.0")] } } },
        { "release.artifacts[1].baseVersion", m => m with { Release = m.Release with { Artifacts = [ArtifactEntry.From(Artifact), Delta(1, "1.0")] } } },
        { "release.artifacts[1].baseVersion", m => m with { Release = m.Release with { Artifacts = [ArtifactEntry.From(Artifact), Delta(1, "1.0.0") with { BaseVersion = null }] } } },
        { "release.artifacts[0].baseDigest", m => m with { Release = m.Release with { Artifacts = [ArtifactEntry.From(Artifact) with { BaseDigest = new byte[32] }] } } },
        { "release.artifacts[0].kind", m => m with { Release = m.Release with { Artifacts = [ArtifactEntry.From(Artifact, "Full")] } } },
        { "release.artifacts[0].size", m => m with { Release = m.Release with { Artifacts = [ArtifactEntry.From(Artifact) with { Size = Artifact.Size + 16 }] } } },
        { "release.artifacts[0].plainSize", m => m with { Release = m.Release with { ImageSize = ImageSize + 1 } } },
        { "release.artifacts[0].iv", m => m with { Release = m.Release with { Artifacts = [ArtifactEntry.From(Artifact) with { Iv = new byte[15] }] } } },
        { "rollout.percent", m => m with { Rollout = m.Rollout with { Percent = 101 } } },
        { "rollout.salt", m => m with { Rollout = m.Rollout with { Salt = new byte[8] } } },
    };

    [Theory]
    [MemberData(nameof(BrokenManifests))]
    public void Refuses_a_manifest_that_breaks_a_rule_and_names_the_member(string member, Func<ChannelManifest, ChannelManifest> breakIt)
    {
        ChannelManifest broken = breakIt(Sample());

        Assert.Equal(member, Assert.Throws<ProtocolLimitException>(() => ChannelManifestWriter.Write(broken)).Member);
    }

    [Fact]
    public void Writes_a_delta_with_its_base_digest_and_version_after_the_full_artifact()
    {
        byte[] baseDigest = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        ChannelManifest manifest = Sample();
        manifest = manifest with { Release = manifest.Release with { Artifacts = [ArtifactEntry.From(Artifact), ArtifactEntry.Delta(Artifact, baseDigest, "1.1.0")] } };

        using var document = System.Text.Json.JsonDocument.Parse(ChannelManifestWriter.Write(manifest));

        var artifacts = document.RootElement.GetProperty("release").GetProperty("artifacts");
        Assert.False(artifacts[0].TryGetProperty("baseDigest", out _));
        Assert.Equal("delta", artifacts[1].GetProperty("kind").GetString());
        Assert.Equal(Convert.ToHexStringLower(baseDigest), artifacts[1].GetProperty("baseDigest").GetString());
        Assert.Equal("1.1.0", artifacts[1].GetProperty("baseVersion").GetString());
        Assert.Equal(Artifact.PlainSize, artifacts[1].GetProperty("plainSize").GetInt32());
    }

    private static ArtifactEntry Delta(byte fill, string baseVersion) => ArtifactEntry.Delta(Artifact, Enumerable.Repeat(fill, 32).ToArray(), baseVersion);

    private static EncryptedArtifact EncryptImage()
    {
        byte[] image = PublishingSamples.Image(ImageSize);
        return new ChainedArtifactWriter().Write(image, ContentKey, ContentKeyDerivation.ArtifactIv(ContentKey, image));
    }

    private static ChannelManifest Sample()
    {
        const string version = "1.2.0-rc.1+build.7";
        ImageDigests digests = new ChainedArtifactWriter().ComputeImageDigests(PublishingSamples.Image(ImageSize));
        var release = new ReleaseEntry(version, 4294967295, digests.ImageSize, digests.ImageDigest, digests.ImageSha256,
            WrappedKeyWriter.KeyCheck(ContentKey), [ArtifactEntry.From(Artifact)], Approval);
        var rollout = new RolloutPolicy(25, ContentKeyDerivation.RolloutSalt("acme", "beta", version));
        return new ChannelManifest("acme", "beta", 1795000000, 1795000000, 1796209600, release, rollout);
    }

    /// <summary>Stand-in approval bytes: the writer embeds them as they are (the device verifies them, P1-P6).</summary>
    private static byte[] Approval => "{\"approval\":true}"u8.ToArray();
}
