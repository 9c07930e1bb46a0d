using SecureOta.Build.Verification;

namespace SecureOta.Tests.SiteVerification;

/// <summary>
/// Attacks on the encrypted artifacts. The stable blob has three records: 4128 bytes at 0, 4128 at
/// 4128, and 1040 at 8256 (1000 plain bytes padded to 1008, then the 32-byte link).
/// </summary>
public sealed class BlobTamperTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private string StableBlob => fixture.BlobOf(SiteFixture.StableVersion);

    [Theory]
    [InlineData(10, "A2 record 0")]            // first record's ciphertext
    [InlineData(4096 + 3, "A2 record 0")]      // first record's link to record 1
    [InlineData(4128 + 100, "A2 record 1")]    // a middle record
    [InlineData(2 * 4128 + 5, "A2 record 2")]  // the last record
    [InlineData(-1, "A2 record 2")]            // the last record's zero link
    public void Rejects_blob_with_a_tampered_byte_at_the_record_that_holds_it(int offset, string step)
    {
        var site = fixture.Copy();
        site.FlipByte(StableBlob, offset);

        var report = site.Verify();

        SiteAssert.HasProblem(report, StableBlob, step);
        SiteAssert.HasProblem(report, StableBlob, SiteSteps.BlobName);
        SiteAssert.OnlyFile(report, StableBlob);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(1040)]
    public void Rejects_truncated_blob(int missing)
    {
        var site = fixture.Copy();
        site.Truncate(StableBlob, missing);

        var report = site.Verify();

        SiteAssert.HasProblem(report, StableBlob, "A1 record 2");
        SiteAssert.OnlyFile(report, StableBlob);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5000)]
    public void Rejects_extended_blob(int extra)
    {
        var site = fixture.Copy();
        site.Append(StableBlob, new byte[extra]);

        var report = site.Verify();

        SiteAssert.HasProblem(report, StableBlob, "A1");
        SiteAssert.HasProblem(report, StableBlob, SiteSteps.BlobName);
        SiteAssert.OnlyFile(report, StableBlob);
    }

    [Fact]
    public void Rejects_blob_replaced_by_another_releases_blob()
    {
        var site = fixture.Copy();
        site.Write(StableBlob, site.Read(fixture.BlobOf(SiteFixture.BetaVersion)));

        SiteAssert.HasProblem(site.Verify(), StableBlob, "A2 record 0");
    }

    [Fact]
    public void Rejects_site_missing_a_blob_a_manifest_names()
    {
        var site = fixture.Copy();
        site.Delete(StableBlob);

        var report = site.Verify();

        SiteAssert.HasProblem(report, StableBlob, SiteSteps.MissingFile);
        SiteAssert.OnlyFile(report, StableBlob);
    }

    [Fact]
    public void Rejects_older_release_blob_whose_bytes_no_longer_match_its_name()
    {
        var site = fixture.Copy();
        var older = fixture.BlobOf(SiteFixture.OlderVersion);
        site.FlipByte(older, 7);

        var report = site.Verify();

        SiteAssert.HasProblem(report, older, SiteSteps.BlobName);
        SiteAssert.OnlyFile(report, older);
    }
}
