using System.Text.Json;
using SecureOta.Build.Publishing;
using SecureOta.Build.Keys;
using SecureOta.Tests.Fleet.Support;
using SecureOta.Tests.Pipeline;

namespace SecureOta.Tests.Fleet;

/// <summary>
/// A rollout in releases/channels.json takes effect on the next deploy: the Sign task puts its target
/// and percent into the channel manifest, with the salt of that channel and release, and the whole
/// site still verifies as a device runs it (the default build ends with Verify).
/// </summary>
public sealed class SignedRolloutTests : IDisposable
{
    private readonly FleetWorkspace _workspace = new();

    [Fact]
    public void Staged_rollout_publishes_its_percent_with_the_salt_of_channel_and_release()
    {
        _workspace.Run("--target=Rollout", "--channel=stable", "--percent=10").AssertSucceeded();

        _workspace.Run().AssertSucceeded();

        var (version, percent, salt) = Rollout("stable");
        Assert.Equal(("1.2.0", 10), (version, percent));
        Assert.Equal(ExpectedSalt("stable", "1.2.0"), salt);
        var (betaVersion, betaPercent, _) = Rollout("beta");
        Assert.Equal(("1.2.0", 100), (betaVersion, betaPercent));
    }

    [Fact]
    public void Widening_keeps_the_salt_so_devices_that_were_in_stay_in()
    {
        _workspace.Run("--target=Rollout", "--channel=stable", "--percent=10").AssertSucceeded();
        _workspace.Run().AssertSucceeded();
        var first = Rollout("stable");

        _workspace.Run("--target=Rollout", "--channel=stable", "--percent=50").AssertSucceeded();
        _workspace.Run("--now=" + (FleetWorkspace.NowSeconds + 3600)).AssertSucceeded();

        var widened = Rollout("stable");
        Assert.Equal(50, widened.Percent);
        Assert.Equal(first.Salt, widened.Salt);
    }

    [Fact]
    public void Paused_rollout_publishes_zero_percent_of_the_same_release()
    {
        _workspace.Run("--target=Rollout", "--channel=stable", "--percent=25").AssertSucceeded();
        _workspace.Run("--target=Pause", "--channel=stable").AssertSucceeded();

        var build = _workspace.Run().AssertSucceeded();

        Assert.Equal(("1.2.0", 0, ExpectedSalt("stable", "1.2.0")), Rollout("stable"));
        Assert.Contains("paused at 25 % (publishing 0 %)", build.Consoles.OutputText, StringComparison.Ordinal);
    }

    [Fact]
    public void Halted_rollout_targets_the_pinned_release_for_every_device()
    {
        _workspace.Run("--target=Halt", "--channel=stable").AssertSucceeded();

        var build = _workspace.Run().AssertSucceeded();

        Assert.Equal(("1.1.0", 100, ExpectedSalt("stable", "1.1.0")), Rollout("stable"));
        Assert.Equal(1, SiteFiles.Manifest(_workspace.SiteDir, "stable").GetProperty("release").GetProperty("securityVersion").GetInt32());
        Assert.Contains("Channel 'stable' is halted: 1.2.0 is withdrawn and the manifest targets 1.1.0.", build.Consoles.OutputText, StringComparison.Ordinal);
    }

    [Fact]
    public void Dashboard_shows_each_channels_rollout_state()
    {
        _workspace.Run("--target=Rollout", "--channel=beta", "--percent=10").AssertSucceeded();
        _workspace.Run("--target=Halt", "--channel=stable").AssertSucceeded();

        _workspace.Run().AssertSucceeded();

        var html = File.ReadAllText(Path.Combine(_workspace.SiteDir, "index.html"));
        Assert.Contains("10 % of devices (staged; widening it keeps every device already in).", html, StringComparison.Ordinal);
        Assert.Contains("Halted: 1.2.0 is withdrawn; every device is offered 1.1.0.", html, StringComparison.Ordinal);
        Assert.Contains("<meter min=\"0\" max=\"100\" value=\"10\"", html, StringComparison.Ordinal);
    }

    private (string Version, int Percent, string Salt) Rollout(string channel)
    {
        JsonElement manifest = SiteFiles.Manifest(_workspace.SiteDir, channel);
        var rollout = manifest.GetProperty("rollout");
        return (manifest.GetProperty("release").GetProperty("version").GetString()!, rollout.GetProperty("percent").GetInt32(), rollout.GetProperty("salt").GetString()!);
    }

    private string ExpectedSalt(string channel, string version) =>
        Convert.ToHexStringLower(ContentKeyDerivation.RolloutSalt(DemoKeyStore.Product, channel, version));

    public void Dispose() => _workspace.Dispose();
}
