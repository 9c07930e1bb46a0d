using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SecureOta.Build.Delta;
using SecureOta.Build.Publishing;
using SecureOta.Build.Verification;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Update;
using SecureOta.Tests.Pipeline;
using SiteFiles = SecureOta.Tests.Pipeline.SiteFiles;
using SecureOta.Tests.SiteVerification;
using Xunit.Abstractions;

namespace SecureOta.Tests.DeltaUpdates;

/// <summary>
/// The release pipeline with delta patches, on the repository's sample releases: stable publishes patches
/// 1.1.0 -> 1.2.0 and 1.0.0 -> 1.2.0, beta 1.1.0 -> 1.2.0, each encrypted as the build derives it; Verify
/// applies each to its base; devices running a base update by patch, and Verify and devices both catch a
/// tampered patch blob and a damaged patch under a valid chain.
/// </summary>
public sealed class DeltaPipelineTests(DeltaSiteFixture site, ITestOutputHelper output) : IClassFixture<DeltaSiteFixture>
{
    private static List<JsonElement> Deltas(string siteDir, string channel) =>
        SiteFiles.Manifest(siteDir, channel).GetProperty("release").GetProperty("artifacts").EnumerateArray().Skip(1).ToList();

    private static JsonElement Full(string siteDir, string channel) =>
        SiteFiles.Manifest(siteDir, channel).GetProperty("release").GetProperty("artifacts")[0];

    private static string PathOf(JsonElement artifact) => artifact.GetProperty("path").GetString()!;

    [Theory]
    [InlineData("stable", new[] { "1.1.0", "1.0.0" })]
    [InlineData("beta", new[] { "1.1.0" })]
    public void Pipeline_publishes_a_patch_from_each_earlier_release_encrypted_as_the_build_derives_it(string channel, string[] bases)
    {
        byte[] target = DeltaSiteFixture.ImageOf("1.2.0");
        byte[] contentKey = site.ContentKey("1.2.0");
        var writer = new ChainedArtifactWriter();
        int full = Full(site.SiteDir, channel).GetProperty("size").GetInt32();
        var deltas = Deltas(site.SiteDir, channel);

        Assert.Equal(bases, deltas.Select(d => d.GetProperty("baseVersion").GetString()));
        foreach (var (delta, version) in deltas.Zip(bases))
        {
            byte[] baseImage = DeltaSiteFixture.ImageOf(version);
            byte[] patch = DeltaDiff.Create(baseImage, target);
            EncryptedArtifact expected = writer.Write(patch, contentKey, ContentKeyDerivation.ArtifactIv(contentKey, patch));
            Assert.Equal("delta", delta.GetProperty("kind").GetString());
            Assert.Equal(Convert.ToHexStringLower(writer.ComputeImageDigests(baseImage).ImageDigest), delta.GetProperty("baseDigest").GetString());
            Assert.Equal(patch.Length, delta.GetProperty("plainSize").GetInt32());
            Assert.Equal((expected.Size, expected.BlobName, Convert.ToHexStringLower(expected.Head), Convert.ToHexStringLower(expected.Iv)),
                (delta.GetProperty("size").GetInt32(), delta.GetProperty("sha256").GetString(), delta.GetProperty("head").GetString(), delta.GetProperty("iv").GetString()));
            Assert.Equal(expected.Bytes, File.ReadAllBytes(SiteFiles.Ota(site.SiteDir, PathOf(delta))));
            Assert.True(expected.Size < full / 10, $"patch {version} -> 1.2.0 is {expected.Size} bytes against a {full}-byte full image");
            output.WriteLine($"{channel}: patch {version} -> 1.2.0: {patch.Length:N0} bytes, {expected.Size:N0} as shipped; full image {full:N0}; saved {full - expected.Size:N0} bytes");
        }
    }

    [Fact]
    public void Verify_applied_every_patch_to_its_base_and_the_dashboard_shows_the_bytes_saved()
    {
        var report = site.Run.Context!.SiteVerification;

        SiteAssert.Verified(report);
        Assert.Equal([("beta", 1), ("stable", 2)], report.Channels.OrderBy(c => c.Channel, StringComparer.Ordinal).Select(c => (c.Channel, c.DeltasVerified)));
        string html = File.ReadAllText(Path.Combine(site.SiteDir, "index.html"));
        int full = Full(site.SiteDir, "stable").GetProperty("size").GetInt32();
        foreach (var delta in Deltas(site.SiteDir, "stable"))
        {
            int size = delta.GetProperty("size").GetInt32();
            string saved = (full - size).ToString("N0", CultureInfo.InvariantCulture) + " (" +
                (100.0 * (full - size) / full).ToString("0.0", CultureInfo.InvariantCulture) + " %)";
            Assert.Contains($"<tr><td>delta from {delta.GetProperty("baseVersion").GetString()}</td><td class=\"number\">{size.ToString("N0", CultureInfo.InvariantCulture)}</td><td class=\"number\">{saved}</td>",
                html, StringComparison.Ordinal);
        }
        Assert.Contains("Delta from", site.Run.Consoles.OutputText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stable", "1.0.0")]
    [InlineData("stable", "1.1.0")]
    [InlineData("beta", "1.1.0")]
    public void Device_running_an_earlier_release_updates_to_1_2_0_by_its_patch(string channel, string running)
    {
        using var device = new SiteDevice(site.SiteDir, site.DemoKeysDir, channel, DeltaSiteFixture.ImageOf(running));
        JsonElement delta = Deltas(site.SiteDir, channel).Single(d => d.GetProperty("baseVersion").GetString() == running);

        UpdateReport report = device.Poll();

        Assert.True(report.Result == UpdateResult.TrialScheduled && report.InstalledByDelta, report.ToString());
        Assert.Equal(running, report.DeltaBaseVersion);
        Assert.True(device.Fetched(PathOf(delta)));
        Assert.False(device.Fetched(PathOf(Full(site.SiteDir, channel))), "the full image was downloaded");
        Assert.Equal(Full(site.SiteDir, channel).GetProperty("size").GetInt32() - delta.GetProperty("size").GetInt32(), report.BytesSaved);
        Assert.Equal(DeltaSiteFixture.ImageOf("1.2.0"), device.SlotBytes(SlotId.B));
        Assert.Equal(BootOutcome.RunTrial, device.Boot().Outcome);
    }

    [Fact]
    public void Device_running_an_image_no_patch_is_for_gets_the_full_image()
    {
        using var device = new SiteDevice(site.SiteDir, site.DemoKeysDir, "beta", DeltaSiteFixture.ImageOf("1.0.0"));

        UpdateReport report = device.Poll();

        Assert.True(report.Result == UpdateResult.TrialScheduled && report.InstalledKind == "full", report.ToString());
        Assert.Null(report.DeltaProblem);
        Assert.True(device.Fetched(PathOf(Full(site.SiteDir, "beta"))));
        Assert.DoesNotContain(device.Transport.Requests, r => Deltas(site.SiteDir, "beta").Any(d => PathOf(d) == r.Path));
        Assert.Equal(DeltaSiteFixture.ImageOf("1.2.0"), device.SlotBytes(SlotId.B));
    }

    [Fact]
    public void Verify_reports_a_tampered_patch_blob_at_the_record_that_holds_the_byte_and_by_its_name()
    {
        string copy = site.CopyOfSite();
        string blob = PathOf(Deltas(copy, "stable")[1]);
        string file = SiteFiles.Ota(copy, blob);
        byte[] bytes = File.ReadAllBytes(file);
        bytes[4128 + 10] ^= 0x01;
        File.WriteAllBytes(file, bytes);

        var report = SiteVerifier.Verify(site.Inputs(copy));

        SiteAssert.HasProblem(report, blob, "A2 record 1");
        SiteAssert.HasProblem(report, blob, SiteSteps.BlobName);
        SiteAssert.OnlyFile(report, blob);
    }

    [Fact]
    public void A_damaged_patch_under_a_valid_chain_fails_verify_and_devices_fall_back_to_the_full_image()
    {
        string copy = site.CopyOfSite();
        byte[] patch = DeltaDiff.Create(DeltaSiteFixture.ImageOf("1.0.0"), DeltaSiteFixture.ImageOf("1.2.0"));
        patch[patch.Length / 3] ^= 0x10;
        byte[] contentKey = site.ContentKey("1.2.0");
        EncryptedArtifact damaged = new ChainedArtifactWriter().Write(patch, contentKey, ContentKeyDerivation.ArtifactIv(contentKey, patch));
        File.WriteAllBytes(SiteFiles.Ota(copy, damaged.Path), damaged.Bytes);
        JsonObject payload = DeltaSiteFixture.Payload(copy, "stable");
        var entry = (JsonObject)payload["release"]!["artifacts"]![2]!;
        Assert.Equal("1.0.0", (string?)entry["baseVersion"]);
        entry["path"] = damaged.Path;
        entry["size"] = damaged.Size;
        entry["sha256"] = damaged.BlobName;
        entry["head"] = Convert.ToHexStringLower(damaged.Head);
        entry["iv"] = Convert.ToHexStringLower(damaged.Iv);
        entry["plainSize"] = damaged.PlainSize;
        site.Resign(copy, "stable", payload);

        var report = SiteVerifier.Verify(site.Inputs(copy));
        SiteAssert.HasProblem(report, damaged.Path, SiteSteps.DeltaRebuildsImage);
        SiteAssert.OnlyFile(report, damaged.Path);

        using var device = new SiteDevice(copy, site.DemoKeysDir, "stable", DeltaSiteFixture.ImageOf("1.0.0"));
        UpdateReport update = device.Poll();
        Assert.True(update.Result == UpdateResult.TrialScheduled && update.InstalledKind == "full", update.ToString());
        Assert.NotNull(update.DeltaProblem);
        Assert.True(device.Fetched(damaged.Path) && device.Fetched(PathOf(Full(copy, "stable"))));
        Assert.Equal(DeltaSiteFixture.ImageOf("1.2.0"), device.SlotBytes(SlotId.B));
    }

    [Fact]
    public void Verify_reports_a_patch_whose_base_is_not_among_the_release_images()
    {
        var report = SiteVerifier.Verify(site.Inputs(site.SiteDir, baseImages: [DeltaSiteFixture.ImagePath("1.1.0")]));

        string missing = PathOf(Deltas(site.SiteDir, "stable")[1]);
        Assert.Contains("no release image has the base digest", SiteAssert.HasProblem(report, missing, SiteSteps.DeltaRebuildsImage).Reason, StringComparison.Ordinal);
        SiteAssert.OnlyFile(report, missing);
    }
}
