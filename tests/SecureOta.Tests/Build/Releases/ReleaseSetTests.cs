using SecureOta.Build.Frosting;
using SecureOta.Build.Releases;
using SecureOta.Tests.Build.Support;
using static SecureOta.Tests.Build.Releases.ReleaseTree;

namespace SecureOta.Tests.Build.Releases;

public sealed class ReleaseSetTests
{
    [Fact]
    public void Releases_are_in_semver_order_not_folder_name_order()
    {
        using var tree = new ReleaseTree().Add("1.10.0").Add("1.2.0").Add("1.2.0-rc.1");

        var releases = tree.Load();

        Assert.Equal(["1.2.0-rc.1", "1.2.0", "1.10.0"], releases.Releases.Select(r => r.Version.ToString()));
    }

    [Fact]
    public void Channels_list_their_releases_oldest_first_and_know_their_settings()
    {
        using var tree = new ReleaseTree()
            .Add("1.0.0", ReleaseJson("1.0.0", channels: "[\"stable\"]"))
            .Add("1.1.0", ReleaseJson("1.1.0", channels: "[\"stable\", \"beta\"]"))
            .Add("1.2.0", ReleaseJson("1.2.0", channels: "[\"beta\"]"));

        var releases = tree.Load();

        Assert.Equal(["beta", "stable"], releases.Channels.Keys);
        Assert.Equal(["1.0.0", "1.1.0"], releases.InChannel("stable").Select(r => r.Version.ToString()));
        Assert.Equal(["1.1.0", "1.2.0"], releases.InChannel("beta").Select(r => r.Version.ToString()));
        Assert.Equal("1.2.0", releases.LatestIn("beta")!.Version.ToString());
        Assert.Equal(14, releases.Channels["stable"].ManifestLifetimeDays);
        Assert.Equal(TimeSpan.FromDays(7), releases.Channels["beta"].ManifestLifetime);
        Assert.Equal(["beta", "stable"], releases.Releases[1].Channels.AsEnumerable());
        Assert.Throws<ArgumentException>(() => releases.InChannel("nightly"));
    }

    [Fact]
    public void Delta_bases_are_the_channels_previous_releases_newest_first_up_to_the_count()
    {
        using var tree = new ReleaseTree()
            .Add("1.0.0", ReleaseJson("1.0.0", channels: "[\"stable\", \"beta\"]"))
            .Add("1.1.0", ReleaseJson("1.1.0", channels: "[\"stable\", \"beta\"]"))
            .Add("1.2.0", ReleaseJson("1.2.0", channels: "[\"stable\", \"beta\"]"));

        var releases = tree.Load();

        Assert.Equal(["1.1.0", "1.0.0"], releases.DeltaBases("stable").Select(r => r.Version.ToString()));
        Assert.Equal(["1.1.0"], releases.DeltaBases("beta").Select(r => r.Version.ToString()));
    }

    [Fact]
    public void Channel_without_releases_is_empty()
    {
        using var tree = new ReleaseTree().Add("1.0.0");

        var releases = tree.Load();

        Assert.Empty(releases.InChannel("beta"));
        Assert.Null(releases.LatestIn("beta"));
        Assert.Empty(releases.DeltaBases("beta"));
    }

    [Fact]
    public void Release_knows_its_image_and_reads_it()
    {
        using var tree = new ReleaseTree().Add("1.0.0", ReleaseJson("1.0.0", securityVersion: "4294967295"), "app.bin");

        var releases = tree.Load();
        var release = releases.Releases.Single();

        Assert.Same(release, releases.Find(SemVersion.Parse("1.0.0")));
        Assert.Null(releases.Find(SemVersion.Parse("1.0.0+other")));
        Assert.Equal(uint.MaxValue, release.SecurityVersion);
        Assert.Equal("app.bin", release.ImageFileName);
        Assert.Equal(tree.PathOf("1.0.0", "app.bin"), release.ImagePath);
        Assert.Equal(64, release.ImageLength);
        Assert.Equal(Enumerable.Range(0, 64).Select(i => (byte)i), release.ReadImage());
    }

    [Fact]
    public void Reading_an_image_that_changed_since_loading_fails()
    {
        using var tree = new ReleaseTree().Add("1.0.0");
        var release = tree.Load().Releases.Single();
        File.WriteAllBytes(release.ImagePath, [1, 2, 3]);

        var exception = Assert.Throws<BuildException>(release.ReadImage);

        Assert.Equal(BuildErrorCode.ReleaseImageChanged, exception.Code);
    }

    [Fact]
    public void The_sample_releases_load_without_problems()
    {
        var releases = ReleaseLoader.Load(SecureOta.Tests.Support.TestReleases.Write(SecureOta.Tests.Support.TestScratch.NewFolder("releases")));

        Assert.Equal(["1.0.0", "1.1.0", "1.2.0"], releases.Releases.Select(r => r.Version.ToString()));
        Assert.Equal([1u, 1u, 2u], releases.Releases.Select(r => r.SecurityVersion));
        Assert.Equal(["1.0.0", "1.1.0", "1.2.0"], releases.InChannel("stable").Select(r => r.Version.ToString()));
        Assert.Equal(["1.1.0", "1.2.0"], releases.InChannel("beta").Select(r => r.Version.ToString()));
    }
}
