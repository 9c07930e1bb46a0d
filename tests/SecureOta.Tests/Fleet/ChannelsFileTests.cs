using SecureOta.Build.Fleet;
using SecureOta.Build.Releases;
using SecureOta.Tests.Build.Releases;

namespace SecureOta.Tests.Fleet;

/// <summary>
/// The rollout part of releases/channels.json: read strictly, checked against the releases, and
/// written back in one canonical form, byte for byte what is committed, so an edit shows only itself.
/// </summary>
public sealed class ChannelsFileTests
{
    private const string Stable = """{"channels": {"stable": {"manifestLifetimeDays": 14, "deltaBaseCount": 3, "rollout": ROLLOUT}, "beta": {"manifestLifetimeDays": 7, "deltaBaseCount": 1}}}""";

    [Fact]
    public void Writing_the_sample_channels_file_unchanged_gives_the_same_bytes()
    {
        var releases = SecureOta.Tests.Support.TestReleases.Write(SecureOta.Tests.Support.TestScratch.NewFolder("releases"));
        var channels = ChannelsFileStore.Load(releases, releases);

        Assert.Equal(File.ReadAllBytes(Path.Combine(releases, "channels.json")), ChannelsFileWriter.Write(channels));
    }

    [Fact]
    public void A_written_rollout_reads_back_the_same()
    {
        using var tree = new ReleaseTree().Add("1.0.0").Add("1.1.0");
        var halted = new RolloutConfig(SemVersion.Parse("1.1.0"), 30, RolloutState.Halted, SemVersion.Parse("1.0.0"));
        File.WriteAllBytes(tree.PathOf("channels.json"), ChannelsFileWriter.Write([new ChannelConfig("stable", 14, 3, halted), new ChannelConfig("beta", 7, 1)]));

        var loaded = tree.Load();

        Assert.Equal(halted, loaded.Channels["stable"].Rollout);
        Assert.Null(loaded.Channels["beta"].Rollout);
    }

    [Theory]
    [InlineData("""{"release": "1.0.0", "percent": 101, "state": "active"}""", "rollout.percent: must be a whole number from 0 to 100")]
    [InlineData("""{"release": "1.0.0", "percent": 10, "state": "stopped"}""", "\"stopped\" is not a rollout state; use active, paused or halted")]
    [InlineData("""{"release": "1.0.0", "percent": 10, "state": "halted"}""", "a halted rollout needs \"pinned\"")]
    [InlineData("""{"release": "1.1.0", "percent": 10, "state": "active", "pinned": "1.0.0"}""", "\"pinned\" is only for a halted rollout")]
    [InlineData("""{"release": "1.0.0", "percent": 10, "state": "halted", "pinned": "1.1.0"}""", "1.1.0 is not earlier than the withdrawn release 1.0.0")]
    [InlineData("""{"release": "v1.0.0", "percent": 10, "state": "active"}""", "rollout.release: \"v1.0.0\" is not a release version")]
    [InlineData("""{"release": "1.0.0", "percent": 10}""", "rollout: missing required property 'state'")]
    [InlineData("""{"release": "1.0.0", "percent": 10, "state": "active", "start": 1}""", "rollout: unknown property 'start'")]
    [InlineData("""{"release": "2.0.0", "percent": 10, "state": "active"}""", "rollout.release: release 2.0.0 does not exist under releases/")]
    [InlineData("""{"release": "1.1.0", "percent": 10, "state": "halted", "pinned": "0.9.0"}""", "rollout.pinned: release 0.9.0 does not exist")]
    [InlineData("""{"release": "1.2.0", "percent": 10, "state": "active"}""", "rollout.release: release 1.2.0 is not published in channel \"stable\"")]
    public void Invalid_rollouts_are_reported_with_their_path(string rollout, string expected)
    {
        using var tree = new ReleaseTree(Stable.Replace("ROLLOUT", rollout, StringComparison.Ordinal))
            .Add("1.0.0").Add("1.1.0").Add("1.2.0", ReleaseTree.ReleaseJson("1.2.0", channels: """["beta"]"""));

        ReleaseTree.AssertProblem(tree.Problems(), "releases/channels.json", expected);
    }

    [Fact]
    public void A_channel_without_a_rollout_targets_its_newest_release_for_every_device()
    {
        using var tree = new ReleaseTree().Add("1.0.0").Add("1.1.0");

        var target = ChannelTargets.Plan(tree.Load(), "stable")!;

        Assert.Equal("1.1.0", target.Release.Version.ToString());
        Assert.Equal(100, target.Percent);
        Assert.Null(target.Rollout);
        Assert.Null(ChannelTargets.Plan(tree.Load(), "beta"));
    }
}
