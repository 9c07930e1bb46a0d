using System.Security.Cryptography;
using SecureOta.Build.Publishing;
using SecureOta.Build.Keys;

namespace SecureOta.Tests.Pipeline;

[Collection(PipelineCollection.Name)]
public sealed class DefaultPipelineTests(PipelineFixture fixture)
{
    private static readonly string[] Versions = ["1.0.0", "1.1.0", "1.2.0"];

    [Fact]
    public void Default_build_writes_exactly_the_protocol_site_layout()
    {
        var snapshot = SiteSnapshot.Take(fixture.SiteDir);
        var deviceId = SiteFiles.DemoDeviceId(fixture.DemoKeysDir);
        var blobs = snapshot.Keys.Where(p => p.StartsWith("ota/v2/blobs/", StringComparison.Ordinal)).ToList();

        string[] expected =
        [
            ".nojekyll", "index.html", "ota/v2/channels/beta.json", "ota/v2/channels/stable.json",
            .. Versions.Select(v => $"ota/v2/keys/{v}/{deviceId}"), "ota/v2/root.json", "ota/v2/roots/1.json", .. blobs,
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), snapshot.Keys);
        // Three full images, and the patches 1.1.0 -> 1.2.0 (stable and beta) and 1.0.0 -> 1.2.0 (stable).
        Assert.Equal(5, blobs.Count);
        Assert.Empty(File.ReadAllBytes(Path.Combine(fixture.SiteDir, ".nojekyll")));
        Assert.Equal(File.ReadAllBytes(SiteFiles.Ota(fixture.SiteDir, "roots", "1.json")), File.ReadAllBytes(SiteFiles.Ota(fixture.SiteDir, "root.json")));
        Assert.All(Versions, v => Assert.Equal(57, new FileInfo(SiteFiles.Ota(fixture.SiteDir, "keys", v, deviceId)).Length));
    }

    [Fact]
    public void Two_builds_with_the_same_inputs_keys_and_now_write_identical_bytes()
    {
        var first = SiteSnapshot.Take(fixture.SiteDir);
        var second = SiteSnapshot.Take(fixture.SecondSiteDir);

        Assert.Equal(14, first.Count);
        SiteSnapshot.AssertSame(first, second);
    }

    [Fact]
    public void Every_release_is_published_as_a_blob_named_by_its_sha256_with_the_derived_key_and_iv()
    {
        var seed = SiteFiles.DemoContentSecret(fixture.DemoKeysDir);
        foreach (var (version, image) in SiteFiles.RepositoryImages())
        {
            var contentKey = ContentKeyDerivation.ContentKey(seed, version);
            var expected = new ChainedArtifactWriter().Write(image, contentKey, ContentKeyDerivation.ArtifactIv(contentKey, image));

            var blob = File.ReadAllBytes(SiteFiles.Ota(fixture.SiteDir, "blobs", expected.BlobName));
            Assert.Equal(expected.Bytes, blob);
            Assert.Equal(expected.BlobName, Convert.ToHexStringLower(SHA256.HashData(blob)));
        }
    }

    [Theory]
    [InlineData("stable", 14)]
    [InlineData("beta", 7)]
    public void Each_channel_manifest_names_the_newest_release_issued_now_and_expiring_after_the_channel_lifetime(string channel, int lifetimeDays)
    {
        var manifest = SiteFiles.Manifest(fixture.SiteDir, channel);
        var release = manifest.GetProperty("release");
        var seed = SiteFiles.DemoContentSecret(fixture.DemoKeysDir);
        var image = SiteFiles.RepositoryImages()["1.2.0"];

        Assert.Equal(channel, manifest.GetProperty("channel").GetString());
        Assert.Equal(PipelineFixture.NowSeconds, manifest.GetProperty("sequence").GetInt64());
        Assert.Equal(PipelineFixture.NowSeconds, manifest.GetProperty("issued").GetInt64());
        Assert.Equal(PipelineFixture.NowSeconds + lifetimeDays * 86400L, manifest.GetProperty("expires").GetInt64());
        Assert.Equal("1.2.0", release.GetProperty("version").GetString());
        Assert.Equal(2, release.GetProperty("securityVersion").GetInt64());
        Assert.Equal(image.Length, release.GetProperty("imageSize").GetInt32());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(image)), release.GetProperty("imageSha256").GetString());
        Assert.Equal("keys/1.2.0/", release.GetProperty("keys").GetString());
        Assert.Equal(Convert.ToHexStringLower(WrappedKeyWriter.KeyCheck(ContentKeyDerivation.ContentKey(seed, "1.2.0"))), release.GetProperty("keyCheck").GetString());
        var artifacts = release.GetProperty("artifacts").EnumerateArray().ToList();
        var artifact = artifacts[0];
        Assert.Equal("full", artifact.GetProperty("kind").GetString());
        Assert.True(File.Exists(SiteFiles.Ota(fixture.SiteDir, artifact.GetProperty("path").GetString()!)));
        // Patches from the channel's releases before 1.2.0, newest first: stable has 1.0.0 and 1.1.0, beta only 1.1.0.
        string[] bases = channel == "stable" ? ["1.1.0", "1.0.0"] : ["1.1.0"];
        Assert.Equal(bases, artifacts.Skip(1).Select(a => a.GetProperty("baseVersion").GetString()));
        Assert.All(artifacts.Skip(1), a => Assert.Equal("delta", a.GetProperty("kind").GetString()));
        Assert.Equal(100, manifest.GetProperty("rollout").GetProperty("percent").GetInt32());
        Assert.Equal(Convert.ToHexStringLower(ContentKeyDerivation.RolloutSalt(DemoKeyStore.Product, channel, "1.2.0")), manifest.GetProperty("rollout").GetProperty("salt").GetString());
    }

    [Theory]
    [InlineData("Default")]
    [InlineData("Release")]
    public void Default_and_Release_run_the_whole_pipeline_and_verify_the_site_last(string target)
    {
        var run = PipelineRun.Execute([$"--target={target}", "--dryrun"]).AssertSucceeded();

        var tasks = run.Consoles.OutputText.Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        Assert.Equal(["LoadReleases", "LoadKeys", "RolloutGate", "Encrypt", "WrapKeys", "CheckApprovals", "Sign", "WriteSite", "Verify", target], tasks);
    }

    [Fact]
    public void Default_build_verified_the_site_it_wrote()
    {
        var context = fixture.FirstRun.Context!;

        Assert.True(context.SiteWritten);
        Assert.True(context.HasSiteVerification);
        Assert.Contains("The site verified as a device runs it.", fixture.FirstRun.Consoles.OutputText, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_task_prints_a_one_line_result()
    {
        var output = fixture.FirstRun.Consoles.OutputText;

        Assert.Contains("Encrypted 3 release(s): 1.0.0 (", output, StringComparison.Ordinal);
        Assert.Contains("Wrapped 3 content key(s) for 1 recipient(s): 3 key file(s).", output, StringComparison.Ordinal);
        Assert.Contains("Signed 2 channel manifest(s) with 1 release key(s): beta -> 1.2.0, stable -> 1.2.0.", output, StringComparison.Ordinal);
        Assert.Contains("Made 2 delta patch(es): 1.1.0 -> 1.2.0 (", output, StringComparison.Ordinal);
        Assert.Contains("14 files", output, StringComparison.Ordinal);
        Assert.Contains("(DEMO keys): beta 1.2.0, stable 1.2.0.", output, StringComparison.Ordinal);
    }
}
