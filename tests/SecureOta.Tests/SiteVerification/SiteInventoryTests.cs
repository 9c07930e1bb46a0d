using SecureOta.Build.Verification;

namespace SecureOta.Tests.SiteVerification;

/// <summary>Every file under ota/v2/ must be accounted for: anything else is reported as unlisted (S5).</summary>
public sealed class SiteInventoryTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    public static TheoryData<string> UnlistedFiles =>
    [
        "extra.json",
        ".hidden",
        "channels/stable.json.bak",
        "channels/old/stable.json",
        "roots/01.json",
        "roots/latest.json",
        "blobs/readme.txt",
        "blobs/" + new string('A', 64),
        "blobs/" + new string('a', 64) + "/x",
        "keys/latest/" + new string('a', 64),
        "keys/" + SiteFixture.StableVersion + "/notes.txt",
        "keys/" + SiteFixture.StableVersion + "/sub/" + new string('a', 64),
        "keys/" + SiteFixture.OlderVersion + "/" + new string('b', 63),
    ];

    [Theory]
    [MemberData(nameof(UnlistedFiles))]
    public void Rejects_extra_unlisted_file(string otaPath)
    {
        var site = fixture.Copy();
        site.Write(otaPath, [0x01, 0x02]);

        var report = site.Verify();

        SiteAssert.HasProblem(report, otaPath, SiteSteps.UnlistedFile);
        SiteAssert.OnlyFile(report, otaPath);
    }

    [Fact]
    public void Rejects_symbolic_link_even_to_a_good_blob()
    {
        var site = fixture.Copy();
        var link = "blobs/" + new string('c', 64);
        File.CreateSymbolicLink(site.PathOf(link), site.PathOf(fixture.BlobOf(SiteFixture.StableVersion)));

        var report = site.Verify();

        SiteAssert.HasProblem(report, link, SiteSteps.UnlistedFile);
        SiteAssert.OnlyFile(report, link);
    }

    [Fact]
    public void Allows_an_older_releases_blob_named_by_its_sha256()
    {
        var site = fixture.Copy();
        byte[] bytes = [1, 2, 3, 4];
        site.Write("blobs/" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), bytes);

        var report = site.Verify();

        SiteAssert.Verified(report);
        Assert.Equal(2, report.OlderBlobs);
    }
}
