using SecureOta.Build.Frosting;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Tests.Pipeline;

/// <summary>
/// The build's manifest times as devices meet them (docs/PROTOCOL.md section 10, "Sequence"): it never signs
/// an issued time ahead of its own clock (a wrong-clock deploy would push devices' floors ahead), and with
/// <c>--live-site</c> every deploy reaches devices whatever its clock says: a rebuild signed at an older time
/// and two deploys in one second both get a sequence above the live one.
/// </summary>
public sealed class ManifestSequenceTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>
{
    [Fact]
    public void Build_refuses_to_sign_a_manifest_issued_30_days_ahead_of_its_clock_and_keeps_the_site()
    {
        var site = fixture.CopyOfSite();
        var before = SiteSnapshot.Take(site);
        var ahead = Build.Support.TestEnvironments.ClockTime.AddDays(30).ToUnixTimeSeconds();

        var run = PipelineRun.Execute([$"--site-dir={site}", $"--demo-keys-dir={fixture.DemoKeysDir}", $"--now={ahead}"]);

        run.AssertOneError(BuildErrorCode.ClockAhead, "ahead of this machine's clock", "--now");
        Assert.Equal(before, SiteSnapshot.Take(site));
    }

    [Fact]
    public void Rebuild_signed_at_an_older_time_gets_a_sequence_above_the_live_manifest()
    {
        var live = SiteFiles.Ota(fixture.SiteDir);
        var site = Path.Combine(fixture.NewFolder("older"), "site");

        PipelineRun.Execute(fixture.Arguments(site, $"--live-site={live}") is var args
            ? [.. args.Where(a => !a.StartsWith("--now=", StringComparison.Ordinal)), $"--now={PipelineFixture.NowSeconds - 3600}"]
            : []).AssertSucceeded();

        AssertReachesADeviceHolding(fixture.SiteDir, site);
    }

    [Fact]
    public void Two_deploys_in_the_same_second_both_reach_devices()
    {
        var site = Path.Combine(fixture.NewFolder("same-second"), "site");

        var run = PipelineRun.Execute(fixture.Arguments(site, $"--live-site={SiteFiles.Ota(fixture.SiteDir)}")).AssertSucceeded();

        AssertReachesADeviceHolding(fixture.SiteDir, site);
        Assert.Contains("one more than the live site's", run.Consoles.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_refuses_to_move_a_channel_back_behind_the_live_site_without_a_halt_and_keeps_the_site()
    {
        var releases = fixture.CopyOfReleases();
        Directory.Delete(Path.Combine(releases, "1.2.0"), recursive: true);
        var site = fixture.CopyOfSite();
        var before = SiteSnapshot.Take(site);

        var run = PipelineRun.Execute(fixture.Arguments(site, $"--releases-dir={releases}", $"--live-site={SiteFiles.Ota(fixture.SiteDir)}"));

        run.AssertOneError(BuildErrorCode.ChannelWouldGoBack, "would point at 1.1.0, older than 1.2.0", "--target=Halt");
        Assert.Equal(before, SiteSnapshot.Take(site));
    }

    [Fact]
    public void Without_a_live_site_the_same_inputs_and_time_still_give_the_same_bytes()
    {
        Assert.Equal(SiteSnapshot.Take(fixture.SiteDir), SiteSnapshot.Take(fixture.SecondSiteDir));
    }

    /// <summary>A device that accepted every manifest of <paramref name="liveSite"/> takes each of <paramref name="newSite"/> as new.</summary>
    private static void AssertReachesADeviceHolding(string liveSite, string newSite)
    {
        var root = LoadRoot(newSite);
        foreach (var channel in new[] { "stable", "beta" })
        {
            long held = SiteFiles.Manifest(liveSite, channel).GetProperty("sequence").GetInt64();
            var envelope = File.ReadAllBytes(SiteFiles.Ota(newSite, "channels", channel + ".json"));

            Assert.True(ChannelManifestVerifier.TryVerify(envelope, root, channel, held, 0, PipelineFixture.NowSeconds, out var verified, out var failure),
                failure?.ToString());
            Assert.Equal(ManifestOutcome.NewRelease, verified.Outcome);
            Assert.Equal(held + 1, verified.Manifest.Sequence);
        }
    }

    private static TrustedRoot LoadRoot(string site)
    {
        Assert.True(RootVerifier.TryLoadTrusted(File.ReadAllBytes(SiteFiles.Ota(site, "root.json")), out var root, out var failure), failure?.ToString());
        return root;
    }
}
