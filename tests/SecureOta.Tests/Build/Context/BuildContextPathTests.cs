using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Tests.Build.Support;

namespace SecureOta.Tests.Build.Context;

public sealed class BuildContextPathTests
{
    [Fact]
    public void Finds_the_root_by_walking_up_to_the_solution_file()
    {
        using var temp = new TempDirectory();
        var root = BuildContextFactory.MakeRepository(temp);
        var nested = Directory.CreateDirectory(temp.Combine("device", "Core")).FullName;

        var context = BuildContextFactory.Create(nested, []);

        Assert.Equal(root, context.Paths.RootDir);
    }

    [Fact]
    public void Default_paths_are_under_the_root()
    {
        using var temp = new TempDirectory();
        var root = BuildContextFactory.MakeRepository(temp);

        var paths = BuildContextFactory.Create(root, []).Paths;

        Assert.Equal(Path.Combine(root, "releases"), paths.ReleasesDir);
        Assert.Equal(Path.Combine(root, "keys"), paths.KeysDir);
        Assert.Equal(Path.Combine(root, "site"), paths.SiteDir);
        Assert.Equal(Path.Combine(root, ".demo-keys"), paths.DemoKeysDir);
    }

    [Fact]
    public void Root_argument_is_resolved_against_the_working_directory()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("elsewhere"));

        var context = BuildContextFactory.Create(temp.Path, ["--root=elsewhere"]);

        Assert.Equal(temp.Combine("elsewhere"), context.Paths.RootDir);
    }

    [Fact]
    public void Missing_repository_is_a_command_line_error()
    {
        using var temp = new TempDirectory();

        var exception = Assert.Throws<BuildException>(() => BuildContextFactory.Create(temp.Path, []));

        Assert.Equal(BuildErrorCode.RepositoryNotFound, exception.Code);
        Assert.True(exception.IsCommandLineError);
        Assert.Contains("--root", exception.Remedy, StringComparison.Ordinal);
    }

    [Fact]
    public void Root_argument_that_is_not_a_directory_is_a_command_line_error()
    {
        using var temp = new TempDirectory();

        var exception = Assert.Throws<BuildException>(() => BuildContextFactory.Create(temp.Path, ["--root=missing"]));

        Assert.Equal(BuildErrorCode.RepositoryNotFound, exception.Code);
    }

    [Fact]
    public void Folders_can_be_moved_with_arguments()
    {
        using var temp = new TempDirectory();
        var root = BuildContextFactory.MakeRepository(temp);

        var paths = BuildContextFactory.Create(root, ["--site-dir=out/site", "--releases-dir=/tmp/in", "--keys-dir=k", "--demo-keys-dir=d"]).Paths;

        Assert.Equal(Path.Combine(root, "out", "site"), paths.SiteDir);
        Assert.Equal("/tmp/in", paths.ReleasesDir);
        Assert.Equal(Path.Combine(root, "k"), paths.KeysDir);
        Assert.Equal(Path.Combine(root, "d"), paths.DemoKeysDir);
    }

    [Theory]
    [InlineData("--site-dir=.")]
    [InlineData("--site-dir=releases")]
    [InlineData("--site-dir=releases/site")]
    [InlineData("--site-dir=keys")]
    public void Site_folder_that_overlaps_the_root_or_an_input_is_refused(string argument)
    {
        using var temp = new TempDirectory();
        var root = BuildContextFactory.MakeRepository(temp);

        var exception = Assert.Throws<BuildException>(() => BuildContextFactory.Create(root, [argument]));

        Assert.Equal(BuildErrorCode.InvalidArgument, exception.Code);
        Assert.Contains("overlaps", exception.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Site_staging_folders_are_siblings_of_the_site_with_a_known_prefix()
    {
        using var temp = new TempDirectory();
        var paths = BuildContextFactory.Create(BuildContextFactory.MakeRepository(temp), []).Paths;
        var staging = paths.NewSiteStagingDir();
        Directory.CreateDirectory(staging);
        Directory.CreateDirectory(temp.Combine("site"));
        Directory.CreateDirectory(temp.Combine("sitemap"));

        Assert.Equal(temp.Path, Path.GetDirectoryName(staging));
        Assert.StartsWith("site.tmp-", Path.GetFileName(staging), StringComparison.Ordinal);
        Assert.Equal([staging], paths.FindSiteStagingDirs());
    }

    [Fact]
    public void Display_paths_are_relative_to_the_root_with_forward_slashes()
    {
        using var temp = new TempDirectory();
        var paths = BuildContextFactory.Create(BuildContextFactory.MakeRepository(temp), []).Paths;

        Assert.Equal("releases/1.0.0/release.json", paths.Display(Path.Combine(paths.ReleasesDir, "1.0.0", "release.json")));
        Assert.Equal("/etc/hosts", paths.Display("/etc/hosts"));
    }

    [Fact]
    public void Task_specific_arguments_are_available_through_the_context()
    {
        using var temp = new TempDirectory();

        var context = BuildContextFactory.Create(BuildContextFactory.MakeRepository(temp), ["--channel=beta", "--all"]);

        Assert.True(context.HasArgument("channel"));
        Assert.Equal("beta", context.GetArgument("channel"));
        Assert.Equal(["beta"], context.GetArguments("channel"));
        Assert.True(context.GetFlag("all"));
        Assert.Null(context.GetArgument("missing"));
    }

    [Fact]
    public void Reading_releases_before_they_are_loaded_names_the_missing_dependency()
    {
        using var temp = new TempDirectory();
        var context = BuildContextFactory.Create(BuildContextFactory.MakeRepository(temp), []);

        Assert.False(context.HasReleases);
        var exception = Assert.Throws<InvalidOperationException>(() => context.Releases);
        Assert.Contains("LoadReleasesTask", exception.Message, StringComparison.Ordinal);
    }
}
