using SecureOta.Build.Frosting;
using SecureOta.Build.Samples;
using SecureOta.Tests.Build.Support;
using SecureOta.Tests.Pipeline;
using SecureOta.Tests.Support;

namespace SecureOta.Tests.Build.Samples;

/// <summary>
/// The demo's sample releases stay out of real releases: a DEMO build shows them while releases/ holds no
/// release, and a build with real keys refuses any release whose image is a generated sample.
/// </summary>
public sealed class SampleReleaseGuardTests : IDisposable
{
    private const long NowSeconds = 1767225600;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Generated_sample_images_carry_the_mark_and_fixture_images_do_not()
    {
        Assert.True(SampleImageMark.IsSample(SampleFirmware.Build(SampleReleases.All[0])));
        Assert.False(SampleImageMark.IsSample(SampleFirmware.Build(SampleReleases.All[0], TestReleases.ProjectName)));
        Assert.False(SampleImageMark.IsSample(new byte[4096]));
    }

    [Fact]
    public void A_Release_build_with_real_keys_refuses_the_sample_releases_naming_each_image_and_writes_no_site()
    {
        var releases = TestReleases.WriteMarkedSamples(_temp.Combine("repo", "releases"));
        var keys = TestKeysFolder.Create(_temp.Combine("repo"), DateTimeOffset.FromUnixTimeSeconds(NowSeconds), releasesDir: releases);
        var site = _temp.Combine("site");

        var run = PipelineRun.Execute(["--target=Release", $"--site-dir={site}", .. keys.BuildArguments, $"--now={NowSeconds}"]);

        run.AssertOneError(BuildErrorCode.SampleReleaseRefused, "are the demo's sample releases", "1.0.0/firmware.bin", "1.1.0/firmware.bin", "1.2.0/firmware.bin",
            "secureota-demo", "samples/releases/");
        Assert.False(Directory.Exists(site));
    }

    [Fact]
    public void A_DEMO_build_whose_releases_folder_holds_no_release_builds_the_samples_and_says_so()
    {
        var root = _temp.Combine("repo");
        TestReleases.WriteMarkedSamples(Path.Combine(root, "samples", "releases"));
        Directory.CreateDirectory(Path.Combine(root, "releases"));
        File.Copy(Path.Combine(root, "samples", "releases", "channels.json"), Path.Combine(root, "releases", "channels.json"));
        TestAnchors.CopyInto(Path.Combine(root, "keys"));

        var run = PipelineRun.Execute([$"--root={root}", $"--releases-dir={Path.Combine(root, "releases")}", $"--keys-dir={Path.Combine(root, "keys")}",
            $"--site-dir={_temp.Combine("site")}", $"--demo-keys-dir={_temp.Combine("demo-keys")}", $"--now={NowSeconds}"]).AssertSucceeded();

        Assert.Equal(["1.0.0", "1.1.0", "1.2.0"], run.Context!.Releases.Releases.Select(r => r.Version.ToString()));
        Assert.Contains("holds no release: this DEMO build uses the sample releases in samples/releases", run.Consoles.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_DEMO_build_without_a_releases_folder_builds_the_samples()
    {
        var root = _temp.Combine("repo");
        TestReleases.WriteMarkedSamples(Path.Combine(root, "samples", "releases"));
        TestAnchors.CopyInto(Path.Combine(root, "keys"));

        var run = PipelineRun.Execute([$"--root={root}", $"--releases-dir={Path.Combine(root, "releases")}", $"--keys-dir={Path.Combine(root, "keys")}",
            $"--site-dir={_temp.Combine("site")}", $"--demo-keys-dir={_temp.Combine("demo-keys")}", $"--now={NowSeconds}"]).AssertSucceeded();

        Assert.Equal(3, run.Context!.Releases.Releases.Length);
    }

    [Fact]
    public void A_Release_build_whose_releases_folder_holds_no_release_never_falls_back_to_the_samples()
    {
        var root = _temp.Combine("repo");
        TestReleases.WriteMarkedSamples(Path.Combine(root, "samples", "releases"));
        var releases = Path.Combine(root, "releases");
        Directory.CreateDirectory(releases);
        File.Copy(Path.Combine(root, "samples", "releases", "channels.json"), Path.Combine(releases, "channels.json"));
        var keys = TestKeysFolder.Create(_temp.Combine("keys"), DateTimeOffset.FromUnixTimeSeconds(NowSeconds), releasesDir: releases);

        var run = PipelineRun.Execute(["--target=Release", $"--root={root}", $"--site-dir={_temp.Combine("site")}", .. keys.BuildArguments, $"--now={NowSeconds}"]);

        Assert.Empty(run.Context!.Releases.Releases);
        Assert.DoesNotContain("sample releases", run.Consoles.AllText, StringComparison.Ordinal);
    }
}
