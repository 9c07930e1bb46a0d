using System.Text.Json;
using System.Text.Json.Nodes;
using SecureOta.Build.Crypto;
using SecureOta.Build.Publishing;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Update;
using SecureOta.Tests.Pipeline;
using SiteFiles = SecureOta.Tests.Pipeline.SiteFiles;

namespace SecureOta.Tests.DeltaUpdates;

/// <summary>
/// Issue 12: "each deploy drops the previous release's patches". A patch the live manifest of a channel lists
/// stays published in the next deploy when the build is given <c>--live-site</c> (docs/PROTOCOL.md sections 1
/// and 11a.1), so a device that read the manifest just before a deploy still updates by its patch; without
/// the flag the patch is gone and that device downloads the full image. Only a live manifest signed by the
/// release role counts, and a patch is published again only as the very blob the live manifest names.
/// </summary>
public sealed class KeptPatchTests(KeptPatchSites sites) : IClassFixture<KeptPatchSites>
{
    private static JsonElement PreviousPatch(string siteDir) =>
        SiteFiles.Manifest(siteDir, "stable").GetProperty("release").GetProperty("artifacts").EnumerateArray()
            .Single(a => a.GetProperty("kind").GetString() == "delta" && a.GetProperty("baseVersion").GetString() == "1.0.0");

    private static string PathOf(JsonElement artifact) => artifact.GetProperty("path").GetString()!;

    /// <summary>A device running 1.0.0 that read site 1's manifest and fetches the rest from <paramref name="deployedSite"/>.</summary>
    private SiteDevice DeviceHoldingSite1sManifest(string deployedSite)
    {
        var device = new SiteDevice(deployedSite, sites.DemoKeysDir, "stable", KeptPatchSites.ImageOf("1.0.0"));
        device.Transport.Files["channels/stable.json"] = File.ReadAllBytes(SiteFiles.Ota(sites.Site1, "channels", "stable.json"));
        return device;
    }

    [Fact]
    public void Device_holding_the_previous_manifest_during_a_deploy_with_live_site_still_updates_by_its_patch()
    {
        string patch = PathOf(PreviousPatch(sites.Site1));
        using var device = DeviceHoldingSite1sManifest(sites.Site2);

        UpdateReport report = device.Poll();

        Assert.True(report.Result == UpdateResult.TrialScheduled && report.InstalledByDelta, report.ToString());
        Assert.Equal("1.0.0", report.DeltaBaseVersion);
        Assert.True(device.Fetched(patch), "the kept patch was not fetched");
        Assert.DoesNotContain(device.Transport.Requests, r => r.Path.StartsWith("blobs/", StringComparison.Ordinal) && r.Path != patch);
        Assert.Equal(KeptPatchSites.ImageOf("1.1.0"), device.SlotBytes(SlotId.B));
        Assert.Equal(BootOutcome.RunTrial, device.Boot().Outcome);
    }

    [Fact]
    public void Without_live_site_the_previous_manifests_patch_is_gone_and_the_device_downloads_the_full_image()
    {
        JsonElement full = SiteFiles.Manifest(sites.Site1, "stable").GetProperty("release").GetProperty("artifacts")[0];
        string patch = PathOf(PreviousPatch(sites.Site1));
        Assert.False(File.Exists(SiteFiles.Ota(sites.Site3, patch)));
        using var device = DeviceHoldingSite1sManifest(sites.Site3);

        UpdateReport report = device.Poll();

        Assert.True(report.Result == UpdateResult.TrialScheduled && report.InstalledKind == "full", report.ToString());
        Assert.NotNull(report.DeltaProblem);
        Assert.Contains(device.Transport.Requests, r => r.Path == patch && r.Status == 404);
        Assert.True(device.Fetched(PathOf(full)));
        Assert.Equal(KeptPatchSites.ImageOf("1.1.0"), device.SlotBytes(SlotId.B));
    }

    [Fact]
    public void Kept_patch_is_the_live_blob_byte_for_byte_and_no_new_manifest_lists_it()
    {
        string patch = PathOf(PreviousPatch(sites.Site1));

        Assert.Equal(File.ReadAllBytes(SiteFiles.Ota(sites.Site1, patch)), File.ReadAllBytes(SiteFiles.Ota(sites.Site2, patch)));
        var listed = SiteFiles.Manifest(sites.Site2, "stable").GetProperty("release").GetProperty("artifacts").EnumerateArray().Select(PathOf).ToList();
        Assert.DoesNotContain(patch, listed);
        Assert.Equal(3, listed.Count);
        Assert.Contains("Kept 1 patch(es) the live manifests list: 1.0.0 -> 1.1.0 (stable).", sites.Site2Run.Consoles.OutputText, StringComparison.Ordinal);
        // The two sites differ only by the kept blob and the new manifest's sequence.
        Assert.Equal(Blobs(sites.Site3).Append(patch).Order(StringComparer.Ordinal), Blobs(sites.Site2).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Live_patch_whose_blob_the_build_makes_differently_is_not_published_and_the_build_warns()
    {
        string live = CopyOfSite1();
        JsonObject payload = (JsonObject)JsonNode.Parse(SiteFiles.Manifest(live, "stable").GetRawText())!;
        var entry = ((JsonArray)payload["release"]!["artifacts"]!).OfType<JsonObject>().Single(a => (string?)a["kind"] == "delta");
        string made = (string)entry["sha256"]!;
        string other = new string('a', 64);
        entry["sha256"] = other;
        entry["path"] = "blobs/" + other;
        Sign(live, payload, SiteFiles.DemoReleaseSeed(sites.DemoKeysDir));
        string site = Path.Combine(sites.NewFolder("renamed"), "site");

        var run = sites.Build(site, $"--live-site={SiteFiles.Ota(live)}").AssertSucceeded();

        Assert.Contains($"made again it is blobs/{made}, but the live manifest lists blobs/{other}", run.Consoles.AllText, StringComparison.Ordinal);
        Assert.False(File.Exists(SiteFiles.Ota(site, "blobs", other)));
        Assert.False(File.Exists(SiteFiles.Ota(site, "blobs", made)));
    }

    [Fact]
    public void Live_manifest_not_signed_by_the_release_role_keeps_no_patch()
    {
        string live = CopyOfSite1();
        JsonObject payload = (JsonObject)JsonNode.Parse(SiteFiles.Manifest(live, "stable").GetRawText())!;
        Sign(live, payload, Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        string site = Path.Combine(sites.NewFolder("unsigned"), "site");

        var run = sites.Build(site, $"--live-site={SiteFiles.Ota(live)}").AssertSucceeded();

        Assert.Contains("stable: the manifest of the live site is not signed by root version 1's release role; its sequence and patches are ignored",
            run.Consoles.AllText, StringComparison.Ordinal);
        Assert.False(File.Exists(SiteFiles.Ota(site, PathOf(PreviousPatch(sites.Site1)))));
    }

    [Fact]
    public void Live_patch_whose_base_release_was_removed_from_releases_is_dropped_with_a_note()
    {
        string releases = Path.Combine(sites.NewFolder("releases"), "releases");
        SiteSnapshot.Copy(sites.ReleasesDir, releases);
        Directory.Delete(Path.Combine(releases, "1.0.0"), recursive: true);
        string site = Path.Combine(sites.NewFolder("removed"), "site");

        var run = sites.Build(site, $"--live-site={SiteFiles.Ota(sites.Site1)}", $"--releases-dir={releases}").AssertSucceeded();

        Assert.Contains("The live 'stable' manifest's patch 1.0.0 -> 1.1.0 is not published again: release 1.0.0 is no longer in releases/.",
            run.Consoles.OutputText, StringComparison.Ordinal);
        Assert.Contains("Kept 0 patch(es) the live manifests list.", run.Consoles.OutputText, StringComparison.Ordinal);
        Assert.False(File.Exists(SiteFiles.Ota(site, PathOf(PreviousPatch(sites.Site1)))));
    }

    private static IEnumerable<string> Blobs(string siteDir) =>
        Directory.GetFiles(SiteFiles.Ota(siteDir, "blobs")).Select(f => "blobs/" + Path.GetFileName(f));

    private string CopyOfSite1()
    {
        string copy = Path.Combine(sites.NewFolder("live"), "site");
        SiteSnapshot.Copy(sites.Site1, copy);
        return copy;
    }

    private static void Sign(string siteDir, JsonObject payload, byte[] seed)
    {
        using var key = Ed25519KeyPair.FromSeed(seed);
        byte[] envelope = EnvelopeSigner.Sign(PayloadTypes.Channel, System.Text.Encoding.UTF8.GetBytes(payload.ToJsonString()), key);
        File.WriteAllBytes(SiteFiles.Ota(siteDir, "channels", "stable.json"), envelope);
    }
}
