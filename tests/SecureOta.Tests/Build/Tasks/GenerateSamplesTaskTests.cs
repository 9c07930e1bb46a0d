using SecureOta.Build.Frosting;
using SecureOta.Tests.Build.Support;

namespace SecureOta.Tests.Build.Tasks;

public sealed class GenerateSamplesTaskTests
{
    [Fact]
    public void Writes_the_samples_under_samples_releases_that_LoadReleases_accepts_and_leaves_releases_alone()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("SecureOta.slnx"), "<Solution />");

        var generate = BuildProgram.Run(temp.Path, "--target=GenerateSamples");
        var load = BuildProgram.Run(temp.Path, "--target=LoadReleases", "--releases-dir=samples/releases");

        Assert.Equal((int)ExitCode.Success, generate.ExitCode);
        Assert.False(Directory.Exists(temp.Combine("releases")), "GenerateSamples wrote into releases/");
        Assert.Equal((int)ExitCode.Success, load.ExitCode);
        Assert.Contains("Loaded 3 release(s) in 2 channel(s)", load.Consoles.OutputText, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrites_sample_folders_from_scratch_and_leaves_other_releases_alone()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("SecureOta.slnx"), "<Solution />");
        Directory.CreateDirectory(temp.Combine("samples", "releases", "1.0.0"));
        Directory.CreateDirectory(temp.Combine("samples", "releases", "2.0.0"));
        File.WriteAllText(temp.Combine("samples", "releases", "1.0.0", "stale.bin"), "old");
        File.WriteAllText(temp.Combine("samples", "releases", "2.0.0", "keep.txt"), "mine");

        var (exitCode, _) = BuildProgram.Run(temp.Path, "--target=GenerateSamples");

        Assert.Equal((int)ExitCode.Success, exitCode);
        Assert.False(File.Exists(temp.Combine("samples", "releases", "1.0.0", "stale.bin")));
        Assert.True(File.Exists(temp.Combine("samples", "releases", "2.0.0", "keep.txt")));
    }

    [Fact]
    public void Invalid_releases_fail_LoadReleases_with_exit_code_1_listing_the_problems()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("SecureOta.slnx"), "<Solution />");
        BuildProgram.Run(temp.Path, "--target=GenerateSamples");
        File.WriteAllText(temp.Combine("samples", "releases", "1.1.0", "release.json"), "{}");

        var (exitCode, consoles) = BuildProgram.Run(temp.Path, "--target=LoadReleases", "--releases-dir=samples/releases");

        Assert.Equal((int)ExitCode.TaskFailed, exitCode);
        Assert.Contains($"error [{BuildErrorCode.InvalidReleases}]", consoles.ErrorText, StringComparison.Ordinal);
        Assert.Contains("samples/releases/1.1.0/release.json: $: missing required property 'version'", consoles.ErrorText, StringComparison.Ordinal);
    }
}
