using SecureOta.Build.Verification;

namespace SecureOta.Tests.SiteVerification;

/// <summary>Attacks on the root files: root.json, roots/1.json, roots/2.json, and root expiry.</summary>
public sealed class RootTamperTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public void Rejects_root_json_with_a_tampered_byte()
    {
        var site = fixture.Copy();
        site.ChangeBase64("root.json", "payload", 60);

        var report = site.Verify();

        SiteAssert.HasProblem(report, "root.json", SiteSteps.CurrentRoot);
        SiteAssert.OnlyFile(report, "root.json");
    }

    [Fact]
    public void Rejects_roots_1_that_is_not_the_provisioned_root()
    {
        var site = fixture.Copy();
        site.ChangeBase64("roots/1.json", "payload", 60);

        var report = site.Verify();

        SiteAssert.HasProblem(report, "roots/1.json", SiteSteps.ProvisionedRoot);
        SiteAssert.OnlyFile(report, "roots/1.json");
    }

    [Fact]
    public void Rejects_roots_2_with_a_tampered_payload_byte_as_not_signed_by_root_1()
    {
        var site = fixture.Copy();
        site.ChangeBase64("roots/2.json", "payload", 60);

        var report = site.Verify();

        SiteAssert.HasProblem(report, "roots/2.json", "R4");
        // root.json no longer equals it, and the manifests signed by root 2's release key fail against root 1.
        SiteAssert.HasProblem(report, "root.json", SiteSteps.CurrentRoot);
        SiteAssert.HasProblem(report, "channels/stable.json", "C4");
        Assert.Equal(1, report.RootVersion);
    }

    [Fact]
    public void Rejects_roots_2_with_broken_json()
    {
        var site = fixture.Copy();
        site.Truncate("roots/2.json", 1);

        SiteAssert.HasProblem(site.Verify(), "roots/2.json", "R2");
    }

    [Fact]
    public void Rejects_site_without_roots_1()
    {
        var site = fixture.Copy();
        site.Delete("roots/1.json");

        var report = site.Verify();

        // Devices start from their provisioned copy, so roots/2.json still verifies; only the gap is reported.
        SiteAssert.HasProblem(report, "roots/1.json", SiteSteps.MissingFile);
        SiteAssert.OnlyFile(report, "roots/1.json");
        Assert.Equal(2, report.RootVersion);
    }

    [Fact]
    public void Rejects_site_without_root_json()
    {
        var site = fixture.Copy();
        site.Delete("root.json");

        var report = site.Verify();

        SiteAssert.HasProblem(report, "root.json", SiteSteps.MissingFile);
        SiteAssert.OnlyFile(report, "root.json");
    }

    [Fact]
    public void Rejects_root_version_after_a_gap_in_the_chain()
    {
        var site = fixture.Copy();
        site.Write("roots/4.json", site.Read("roots/2.json"));

        var report = site.Verify();

        SiteAssert.HasProblem(report, "roots/4.json", SiteSteps.UnlistedFile);
        SiteAssert.OnlyFile(report, "roots/4.json");
    }

    [Fact]
    public void Rejects_replayed_root_as_the_next_version()
    {
        var site = fixture.Copy();
        site.Write("roots/3.json", site.Read("roots/2.json"));

        var report = site.Verify();

        SiteAssert.HasProblem(report, "roots/3.json", "R6");
    }

    [Fact]
    public void Rejects_site_whose_newest_root_has_expired()
    {
        var site = fixture.Copy();

        var report = site.Verify(i => i with { Now = DateTimeOffset.FromUnixTimeSeconds(SiteFixture.Issued + SiteFixture.RootLifetime) });

        SiteAssert.HasProblem(report, "roots/2.json", "R8");
    }
}
