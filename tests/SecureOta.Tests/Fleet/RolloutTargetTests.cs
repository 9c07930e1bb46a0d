using SecureOta.Build.Frosting;
using SecureOta.Tests.Fleet.Support;

namespace SecureOta.Tests.Fleet;

/// <summary>
/// The Rollout, Pause, Resume and Halt targets as a maintainer runs them: each edits
/// releases/channels.json in its canonical form, changing only the lines of the setting, and says
/// what the change means for devices.
/// </summary>
public sealed class RolloutTargetTests : IDisposable
{
    private readonly FleetWorkspace _workspace = new();

    [Fact]
    public void Rollout_adds_only_the_channels_rollout_lines()
    {
        var before = _workspace.ChannelsText;

        var run = _workspace.Run("--target=Rollout", "--channel=stable", "--percent=10").AssertSucceeded();

        var expected = before.Replace("""
                  "deltaBaseCount": 3
                },
                "beta"
            """, """
                  "deltaBaseCount": 3,
                  "rollout": {
                    "release": "1.2.0",
                    "percent": 10,
                    "state": "active"
                  }
                },
                "beta"
            """, StringComparison.Ordinal);
        Assert.NotEqual(before, expected);
        Assert.Equal(expected, _workspace.ChannelsText);
        Assert.Contains("1.2.0 to 10 % of devices", run.Consoles.OutputText, StringComparison.Ordinal);
        Assert.Contains("next deploy", run.Consoles.OutputText, StringComparison.Ordinal);
    }

    [Fact]
    public void Widening_a_rollout_changes_one_line()
    {
        _workspace.Run("--target=Rollout", "--channel=stable", "--percent=10").AssertSucceeded();
        var before = _workspace.ChannelsText.Split('\n');

        _workspace.Run("--target=Rollout", "--channel=stable", "--percent=25%").AssertSucceeded();

        var after = _workspace.ChannelsText.Split('\n');
        Assert.Equal(before.Length, after.Length);
        var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToList();
        var line = Assert.Single(changed);
        Assert.Equal("        \"percent\": 25,", after[line]);
    }

    [Fact]
    public void Pause_keeps_the_percent_for_resume_and_resume_restores_it()
    {
        _workspace.Run("--target=Rollout", "--channel=stable", "--percent=10").AssertSucceeded();

        var paused = _workspace.Run("--target=Pause", "--channel=stable").AssertSucceeded();
        Assert.Contains("\"state\": \"paused\"", _workspace.ChannelsText, StringComparison.Ordinal);
        Assert.Contains("\"percent\": 10,", _workspace.ChannelsText, StringComparison.Ordinal);
        Assert.Contains("no other device starts until Resume", paused.Consoles.OutputText, StringComparison.Ordinal);

        _workspace.Run("--target=Resume", "--channel=stable").AssertSucceeded();
        Assert.Contains("\"state\": \"active\"", _workspace.ChannelsText, StringComparison.Ordinal);
        Assert.Contains("\"percent\": 10,", _workspace.ChannelsText, StringComparison.Ordinal);
    }

    [Fact]
    public void Pausing_twice_leaves_the_file_alone()
    {
        _workspace.Run("--target=Pause", "--channel=beta").AssertSucceeded();
        var written = File.GetLastWriteTimeUtc(_workspace.ChannelsFile);
        var text = _workspace.ChannelsText;

        var again = _workspace.Run("--target=Pause", "--channel=beta").AssertSucceeded();

        Assert.Equal(text, _workspace.ChannelsText);
        Assert.Equal(written, File.GetLastWriteTimeUtc(_workspace.ChannelsFile));
        Assert.Contains("already paused", again.Consoles.OutputText, StringComparison.Ordinal);
        Assert.Contains("is unchanged", again.Consoles.OutputText, StringComparison.Ordinal);
    }

    [Fact]
    public void Halt_pins_the_previous_release_and_says_devices_on_a_higher_security_version_stay()
    {
        var run = _workspace.Run("--target=Halt", "--channel=stable").AssertSucceeded();

        Assert.Contains("\"state\": \"halted\",\n        \"pinned\": \"1.1.0\"", _workspace.ChannelsText, StringComparison.Ordinal);
        // 1.2.0 raised the security version to 2; 1.1.0 has 1.
        Assert.Contains("refuse 1.1.0 (security version 1) as a downgrade and keep running 1.2.0", run.Consoles.OutputText, StringComparison.Ordinal);
    }

    [Fact]
    public void Halt_can_pin_an_older_release_but_not_one_outside_the_channel()
    {
        _workspace.Run("--target=Halt", "--channel=stable", "--release=1.0.0").AssertSucceeded();
        Assert.Contains("\"pinned\": \"1.0.0\"", _workspace.ChannelsText, StringComparison.Ordinal);

        var refused = _workspace.Run("--target=Halt", "--channel=beta", "--release=1.0.0");

        refused.AssertOneError(BuildErrorCode.InvalidRollout, "1.0.0 is not a release of channel 'beta' earlier than 1.2.0", "Pin one of: 1.1.0");
    }

    [Fact]
    public void Halting_a_channels_first_release_suggests_pause()
    {
        _workspace.AddRelease("2.0.0", 3, "nightly");
        File.WriteAllText(_workspace.ChannelsFile, _workspace.ChannelsText.Replace("\"beta\": {", "\"nightly\": {\n      \"manifestLifetimeDays\": 7,\n      \"deltaBaseCount\": 0\n    },\n    \"beta\": {", StringComparison.Ordinal));

        var run = _workspace.Run("--target=Halt", "--channel=nightly");

        run.AssertOneError(BuildErrorCode.InvalidRollout, "no release before 2.0.0", "--target=Pause --channel=nightly");
    }

    [Fact]
    public void A_rollout_for_an_older_release_stops_the_build_until_the_new_release_gets_one()
    {
        _workspace.Run("--target=Rollout", "--channel=stable", "--percent=10").AssertSucceeded();
        _workspace.AddRelease("1.3.0", 2, "stable");

        var build = _workspace.Run();
        build.AssertOneError(BuildErrorCode.InvalidRollout, "rollout for 1.2.0", "newest release is 1.3.0", "--target=Rollout --channel=stable --percent=<N>");
        Assert.False(Directory.Exists(_workspace.SiteDir));

        var pause = _workspace.Run("--target=Pause", "--channel=stable");
        pause.AssertOneError(BuildErrorCode.InvalidRollout, "Start the rollout of 1.3.0");

        _workspace.Run("--target=Rollout", "--channel=stable", "--percent=5").AssertSucceeded();
        Assert.Contains("\"release\": \"1.3.0\"", _workspace.ChannelsText, StringComparison.Ordinal);
        _workspace.Run().AssertSucceeded();
    }

    [Theory]
    [InlineData("--percent=10", "--channel is required", "declared channels: stable, beta")]
    [InlineData("--channel=nightly --percent=10", "--channel=nightly is not declared", "Use one of: stable, beta")]
    [InlineData("--channel=stable --percent=101", "--percent=101 is not a whole number from 0 to 100", "--percent=<0 to 100>")]
    [InlineData("--channel=stable", "--percent is required", "--percent=100 for every device")]
    public void Bad_rollout_arguments_are_command_line_errors_that_say_what_to_give(string arguments, string problem, string remedy)
    {
        var before = _workspace.ChannelsText;

        var run = _workspace.Run(["--target=Rollout", .. arguments.Split(' ')]);

        Assert.Equal((int)ExitCode.InvalidCommandLine, run.ExitCode);
        Assert.Contains(problem, run.Consoles.ErrorText, StringComparison.Ordinal);
        Assert.Contains(remedy, run.Consoles.ErrorText, StringComparison.Ordinal);
        Assert.Equal(before, _workspace.ChannelsText);
    }

    public void Dispose() => _workspace.Dispose();
}
