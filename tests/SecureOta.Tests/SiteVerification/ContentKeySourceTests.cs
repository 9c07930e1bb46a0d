using System.Security.Cryptography;
using SecureOta.Build.Verification;

namespace SecureOta.Tests.SiteVerification;

/// <summary>
/// Where the content key comes from: unwrapped with a recipient key as a device does, or (a real
/// build, where no device private key is at hand) the key the build derived, held to keyCheck.
/// </summary>
public sealed class ContentKeySourceTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public void Site_verifies_with_the_builds_content_keys_when_no_recipient_key_is_given()
    {
        var report = fixture.Copy().Verify(i => i with { RecipientKeys = [], BuildContentKeys = fixture.ContentKeys });

        SiteAssert.Verified(report);
        Assert.All(report.Channels, c => Assert.Equal(ContentKeyOrigin.BuildKey, c.KeyOrigin));
        Assert.All(report.Channels, c => Assert.True(c.ArtifactVerified));
        Assert.Equal(2, report.Keys.ReleasesWithBuildKey);
        Assert.Equal(0, report.Keys.Unwrapped);
        Assert.Equal(6, report.Keys.FormChecked);
        Assert.Contains("2 release(s) decrypted with the build's content key", SiteSummaryPrinter.Render(report, SiteFixture.Now), StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_build_content_key_that_does_not_match_the_manifests_key_check()
    {
        var wrong = new Dictionary<string, byte[]>(fixture.ContentKeys) { [SiteFixture.StableVersion] = RandomNumberGenerator.GetBytes(16) };

        var report = fixture.Copy().Verify(i => i with { RecipientKeys = [], BuildContentKeys = wrong });

        SiteAssert.HasProblem(report, OtaPaths.ChannelFile(SiteFixture.Stable), SiteSteps.BuildKeyCheck);
        SiteAssert.OnlyFile(report, OtaPaths.ChannelFile(SiteFixture.Stable));
    }

    [Fact]
    public void Rejects_release_that_no_key_given_can_decrypt()
    {
        var report = fixture.Copy().Verify(i => i with { RecipientKeys = [] });

        SiteAssert.HasProblem(report, $"keys/{SiteFixture.StableVersion}/", SiteSteps.NoContentKey);
        SiteAssert.HasProblem(report, $"keys/{SiteFixture.BetaVersion}/", SiteSteps.NoContentKey);
        Assert.All(report.Channels, c => Assert.False(c.ArtifactVerified));
    }

    [Fact]
    public void Blob_is_still_verified_with_the_build_key_when_the_device_key_file_fails()
    {
        var site = fixture.Copy();
        var keyFile = $"keys/{SiteFixture.StableVersion}/{fixture.Device.Id}";
        site.FlipByte(keyFile, 40);
        site.FlipByte(fixture.BlobOf(SiteFixture.StableVersion), 4128 + 7);

        var report = site.Verify(i => i with { BuildContentKeys = fixture.ContentKeys });

        SiteAssert.HasProblem(report, keyFile, "K3");
        SiteAssert.HasProblem(report, fixture.BlobOf(SiteFixture.StableVersion), "A2 record 1");
    }
}
