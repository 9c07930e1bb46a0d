using SecureOta.Build.Frosting;
using SecureOta.Build.Publishing;
using SecureOta.Build.Verification;

namespace SecureOta.Tests.SiteVerification;

/// <summary>A site as the build writes it verifies, and the report says what was checked and how.</summary>
public sealed class GoodSiteTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public void Good_site_verifies_through_every_device_step()
    {
        var report = fixture.Copy().Verify();

        SiteAssert.Verified(report);
        Assert.Equal(2, report.RootVersion);
        Assert.Equal(2, report.PublishedRootVersions);
        Assert.Equal([SiteFixture.Beta, SiteFixture.Stable], report.Channels.Select(c => c.Channel).Order(StringComparer.Ordinal));
        Assert.All(report.Channels, c =>
        {
            Assert.True(c.ArtifactVerified);
            Assert.Equal(ContentKeyOrigin.Unwrapped, c.KeyOrigin);
            Assert.Equal("test device key", c.KeyRecipient);
            Assert.Equal([KeyId.Of(fixture.ReleaseKey.PublicKey)], c.SignerKeyIds);
        });
    }

    [Fact]
    public void Good_site_report_counts_unwrapped_and_form_checked_keys_and_older_release_files()
    {
        var report = fixture.Copy().Verify();

        // Device keys of the two releases a manifest names are unwrapped; the group's keys and the
        // older release's keys (no keyCheck without a manifest or build key) are checked for form.
        Assert.Equal(2, report.Keys.UnwrappedBy["test device key"]);
        Assert.Equal(4, report.Keys.FormChecked);
        Assert.Equal(0, report.Keys.ReleasesWithBuildKey);
        Assert.Equal(1, report.OlderBlobs);
        Assert.Equal(2, report.OlderKeyFiles);
        Assert.Equal(14, report.FilesChecked); // root.json, 2 roots, 2 channels, 3 blobs, 6 wrapped keys
    }

    [Fact]
    public void Older_release_key_is_unwrapped_against_the_build_keys_key_check_when_both_keys_are_given()
    {
        var report = fixture.Copy().Verify(i => i with { BuildContentKeys = fixture.ContentKeys });

        SiteAssert.Verified(report);
        Assert.Equal(3, report.Keys.UnwrappedBy["test device key"]);
        Assert.Equal(3, report.Keys.FormChecked);
    }

    [Fact]
    public void Summary_names_channels_versions_root_and_how_keys_were_checked()
    {
        var report = fixture.Copy().Verify();

        var text = SiteSummaryPrinter.Render(report, SiteFixture.Now);

        Assert.Contains("stable", text, StringComparison.Ordinal);
        Assert.Contains(SiteFixture.BetaVersion, text, StringComparison.Ordinal);
        Assert.Contains(KeyId.Of(fixture.ReleaseKey.PublicKey)[..16], text, StringComparison.Ordinal);
        Assert.Contains("(6d 23h left)", text, StringComparison.Ordinal);
        Assert.Contains("unwrapped: test device key", text, StringComparison.Ordinal);
        Assert.Contains("Root version 2 (roots/1.json to roots/2.json published)", text, StringComparison.Ordinal);
        Assert.Contains("2 unwrapped with the test device key (K1-K4), 4 checked for form only (K1)", text, StringComparison.Ordinal);
        Assert.Contains("The site verified as a device runs it.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_one_run_is_listed_in_one_build_exception()
    {
        var site = fixture.Copy();
        site.FlipByte("root.json", 30);
        site.FlipByte(fixture.BlobOf(SiteFixture.BetaVersion), 100);
        site.Write("stray.txt", [1, 2, 3]);
        var report = site.Verify();

        var exception = Assert.Throws<BuildException>(() => report.ThrowIfFailed("site"));

        Assert.Equal(BuildErrorCode.VerificationFailed, exception.Code);
        Assert.Equal(report.Problems.Count, exception.Details.Count);
        Assert.Contains(exception.Details, d => d.File == "ota/v2/root.json" && d.Message.StartsWith("S2:", StringComparison.Ordinal));
        Assert.Contains(exception.Details, d => d.File == "ota/v2/" + fixture.BlobOf(SiteFixture.BetaVersion) && d.Message.StartsWith("A2 record 0:", StringComparison.Ordinal));
        Assert.Contains(exception.Details, d => d.File == "ota/v2/stray.txt" && d.Message.StartsWith("S5:", StringComparison.Ordinal));
    }

    [Fact]
    public void Files_outside_the_ota_folder_are_not_the_protocols_and_are_not_checked()
    {
        var site = fixture.Copy();
        File.WriteAllText(Path.Combine(site.SiteDir, "notes.txt"), "for people");

        SiteAssert.Verified(site.Verify());
    }
}
