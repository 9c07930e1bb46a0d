using SecureOta.Build.Frosting;
using static SecureOta.Tests.Build.Releases.ReleaseTree;

namespace SecureOta.Tests.Build.Releases;

/// <summary>Problems with images, and problems that only show across releases; and that all are reported at once.</summary>
public sealed class ReleaseSetValidationTests
{
    [Fact]
    public void Glob_that_matches_nothing_is_reported_with_the_files_present()
    {
        using var tree = new ReleaseTree().Add("1.0.0", ReleaseJson("1.0.0"), "firmware.img", "notes.txt");

        AssertProblem(tree.Problems(), "releases/1.0.0/release.json", "patterns \"*.bin\" match no file (files present: firmware.img, notes.txt)");
    }

    [Fact]
    public void Glob_that_matches_several_files_names_them()
    {
        using var tree = new ReleaseTree().Add("1.0.0", ReleaseJson("1.0.0"), "app.bin", "bootloader.bin");

        AssertProblem(tree.Problems(), "releases/1.0.0/release.json", "match 2 files (app.bin, bootloader.bin); exactly one image is needed");
    }

    [Fact]
    public void Exclude_patterns_narrow_the_match()
    {
        using var tree = new ReleaseTree().Add(
            "1.0.0",
            ReleaseJson("1.0.0").Replace("\"exclude\": []", "\"exclude\": [\"boot*\"]", StringComparison.Ordinal),
            "app.bin",
            "bootloader.bin");

        Assert.Equal("app.bin", tree.Load().Releases[0].ImageFileName);
    }

    [Fact]
    public void Glob_matching_is_case_sensitive()
    {
        using var tree = new ReleaseTree().Add("1.0.0", ReleaseJson("1.0.0"), "FIRMWARE.BIN");

        AssertProblem(tree.Problems(), "releases/1.0.0/release.json", "match no file");
    }

    [Theory]
    [InlineData("[\"../1.1.0/*.bin\"]")]
    [InlineData("[\"/etc/*\"]")]
    [InlineData("[\"\"]")]
    public void Glob_that_could_leave_the_release_folder_is_reported(string include)
    {
        using var tree = new ReleaseTree().Add("1.0.0", ReleaseJson("1.0.0", include: include));

        AssertProblem(tree.Problems(), "releases/1.0.0/release.json", "$.image.include[0]: pattern");
    }

    [Fact]
    public void Empty_image_is_reported_against_the_image_file()
    {
        using var tree = new ReleaseTree().Add("1.0.0");
        File.WriteAllBytes(tree.PathOf("1.0.0", "firmware.bin"), []);

        AssertProblem(tree.Problems(), "releases/1.0.0/firmware.bin", "the image is empty");
    }

    [Fact]
    public void Image_over_16_MiB_is_reported_against_the_image_file()
    {
        using var tree = new ReleaseTree().Add("1.0.0");
        using (var image = File.OpenWrite(tree.PathOf("1.0.0", "firmware.bin")))
        {
            image.SetLength((16 * 1024 * 1024) + 1);
        }

        AssertProblem(tree.Problems(), "releases/1.0.0/firmware.bin", "the image is 16777217 bytes, over the limit of 16 MiB");
    }

    [Fact]
    public void Image_of_exactly_16_MiB_is_accepted()
    {
        using var tree = new ReleaseTree().Add("1.0.0");
        using (var image = File.OpenWrite(tree.PathOf("1.0.0", "firmware.bin")))
        {
            image.SetLength(16 * 1024 * 1024);
        }

        Assert.Equal(16 * 1024 * 1024, tree.Load().Releases[0].ImageLength);
    }

    [Fact]
    public void Folder_without_release_json_is_reported()
    {
        using var tree = new ReleaseTree().Add("1.0.0");
        Directory.CreateDirectory(tree.PathOf("1.1.0"));

        AssertProblem(tree.Problems(), "releases/1.1.0", "has no release.json");
    }

    [Fact]
    public void Versions_of_equal_precedence_are_duplicates()
    {
        using var tree = new ReleaseTree().Add("1.0.0+a").Add("1.0.0+b");

        AssertProblem(
            tree.Problems(),
            "releases/1.0.0+b/release.json",
            "$.version: 1.0.0+b duplicates version 1.0.0+a of releases/1.0.0+a/release.json");
    }

    [Fact]
    public void Security_version_lower_than_an_earlier_release_in_the_same_channel_is_reported()
    {
        using var tree = new ReleaseTree()
            .Add("1.0.0", ReleaseJson("1.0.0", securityVersion: "2"))
            .Add("1.10.0", ReleaseJson("1.10.0", securityVersion: "1"))
            .Add("1.2.0", ReleaseJson("1.2.0", securityVersion: "3"));

        var problems = tree.Problems();

        // 1.10.0 comes after 1.2.0 in SemVer order, so it is below 1.2.0's 3, not only 1.0.0's 2.
        AssertProblem(
            problems,
            "releases/1.10.0/release.json",
            "$.securityVersion: 1 is lower than 3 of the earlier release 1.2.0 (releases/1.2.0/release.json) in channel \"stable\"");
        Assert.Single(problems);
    }

    [Fact]
    public void Security_version_may_be_lower_in_a_different_channel()
    {
        using var tree = new ReleaseTree()
            .Add("1.0.0", ReleaseJson("1.0.0", securityVersion: "2", channels: "[\"stable\"]"))
            .Add("1.1.0", ReleaseJson("1.1.0", securityVersion: "1", channels: "[\"beta\"]"));

        Assert.Equal(2, tree.Load().Releases.Length);
    }

    [Fact]
    public void Every_problem_in_every_file_is_reported_together()
    {
        using var tree = new ReleaseTree("""{"channels": {"stable": {"manifestLifetimeDays": 400, "deltaBaseCount": 1}}}""")
            .Add("1.0.0", "{")
            .Add("1.1.0", ReleaseJson("1.1.0", securityVersion: "-3", channels: "[\"nightly\"]", extra: ", \"x\": 1"))
            .Add("1.2.0", ReleaseJson("1.2.1"), "a.bin", "b.bin");

        var exception = Assert.Throws<BuildException>(tree.Load);

        Assert.Equal(BuildErrorCode.InvalidReleases, exception.Code);
        Assert.Equal(
            [
                "releases/1.0.0/release.json",
                "releases/1.1.0/release.json",
                "releases/1.1.0/release.json",
                "releases/1.1.0/release.json",
                "releases/1.2.0/release.json",
                "releases/1.2.0/release.json",
                "releases/channels.json",
            ],
            exception.Details.Select(p => p.File));
        Assert.Contains("The release inputs have 7 problems.", exception.Message, StringComparison.Ordinal);
        Assert.Contains("releases/README.md", exception.Remedy, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_releases_folder_is_reported()
    {
        using var tree = new ReleaseTree();
        Directory.Delete(tree.ReleasesDir, recursive: true);

        AssertProblem(tree.Problems(), "releases", "does not exist");
    }
}
