using SecureOta.Build.Frosting;

namespace SecureOta.Tests.Pipeline;

/// <summary>WriteSite replaces the whole site in one step, or leaves the previous one exactly as it was.</summary>
[Collection(PipelineCollection.Name)]
public sealed class SiteReplacementTests(PipelineFixture fixture)
{
    [Fact]
    public void A_build_replaces_the_previous_site_as_a_whole_and_leaves_nothing_beside_it()
    {
        var site = fixture.CopyOfSite();
        File.WriteAllText(Path.Combine(site, "stale.html"), "from an older deploy");
        File.WriteAllBytes(SiteFiles.Ota(site, "blobs", new string('a', 64)), [1, 2, 3]);
        File.WriteAllText(Path.Combine(site, "index.html"), "<p>old</p>");

        PipelineRun.Execute(fixture.Arguments(site)).AssertSucceeded();

        SiteSnapshot.AssertSame(SiteSnapshot.Take(fixture.SiteDir), SiteSnapshot.Take(site));
        Assert.Equal(["site"], Directory.GetFileSystemEntries(Path.GetDirectoryName(site)!).Select(Path.GetFileName));
    }

    [Fact]
    public void A_build_creates_the_site_folder_and_its_parent_when_missing()
    {
        var site = Path.Combine(fixture.NewFolder("fresh"), "nested", "site");

        PipelineRun.Execute(fixture.Arguments(site)).AssertSucceeded();

        SiteSnapshot.AssertSame(SiteSnapshot.Take(fixture.SiteDir), SiteSnapshot.Take(site));
    }

    [Fact]
    public void A_failed_staging_write_leaves_the_previous_site_and_no_staging_folder()
    {
        var site = fixture.CopyOfSite();
        File.WriteAllText(Path.Combine(site, "marker.txt"), "the previous deploy");
        var before = SiteSnapshot.Take(site);
        var written = 0;

        var run = PipelineRun.Execute(fixture.Arguments(site), configure: context => context.WriteSiteFile = (path, bytes) =>
        {
            // Some files land in the staging folder before the write that fails.
            if (++written == 5) throw new IOException("No space left on device (simulated)");
            File.WriteAllBytes(path, bytes);
        });

        run.AssertOneError(BuildErrorCode.FileSystem, "Could not write the site: No space left on device (simulated)", "was left as it was");
        Assert.Equal(5, written);
        SiteSnapshot.AssertSame(before, SiteSnapshot.Take(site));
        Assert.Equal(["site"], Directory.GetFileSystemEntries(Path.GetDirectoryName(site)!).Select(Path.GetFileName));
        Assert.False(run.Context!.SiteWritten);
    }

    [Fact]
    public void A_site_path_that_is_a_file_fails_without_touching_it()
    {
        var file = Path.Combine(fixture.NewFolder("file"), "site");
        File.WriteAllText(file, "not a folder");

        var run = PipelineRun.Execute(fixture.Arguments(file));

        run.AssertOneError(BuildErrorCode.FileSystem, "is a file, not a folder");
        Assert.Equal("not a folder", File.ReadAllText(file));
        Assert.Equal(["site"], Directory.GetFileSystemEntries(Path.GetDirectoryName(file)!).Select(Path.GetFileName));
    }
}
