using SecureOta.Build.Frosting;
using SecureOta.Build.Releases;
using SecureOta.Tests.Fleet.Support;

namespace SecureOta.Tests.Fleet.Gate;

/// <summary>The optional <c>rolloutPolicy</c> of a channel in releases/channels.json: read, validated with its JSON path, and kept by the rollout targets.</summary>
public sealed class RolloutPolicyFileTests : IDisposable
{
    private readonly FleetWorkspace _workspace = new();

    [Fact]
    public void Rollout_target_keeps_the_policy_when_it_rewrites_channels_json()
    {
        Write("""{"steps": [1, 10, 50, 100], "minReports": 10, "maxFailureRate": 0.05}""");

        _workspace.Run("--target=Rollout", "--channel=stable", "--percent=10").AssertSucceeded();

        var stable = SecureOta.Build.Fleet.ChannelsFileStore.Load(_workspace.ReleasesDir, _workspace.Root).Single(c => c.Name == "stable");
        Assert.Equal(new RolloutGatePolicy([1, 10, 50, 100], 10, 0.05), stable.RolloutPolicy);
        Assert.Equal(10, stable.Rollout!.Percent);
    }

    [Theory]
    [InlineData("""{"steps": [10, 5], "minReports": 10, "maxFailureRate": 0.05}""", "$.channels.stable.rolloutPolicy.steps: steps must grow strictly (10 then 5)")]
    [InlineData("""{"steps": [0, 100], "minReports": 10, "maxFailureRate": 0.05}""", "each step is a whole percent from 1 to 100")]
    [InlineData("""{"steps": [], "minReports": 10, "maxFailureRate": 0.05}""", "must be an array of 1 to 16 percents")]
    [InlineData("""{"steps": [1, 100], "minReports": 0, "maxFailureRate": 0.05}""", "rolloutPolicy.minReports: must be a whole number from 1 to 1000000")]
    [InlineData("""{"steps": [1, 100], "minReports": 10, "maxFailureRate": 5}""", "rolloutPolicy.maxFailureRate: must be a share from 0 to 1 (0.05 is 5 %)")]
    [InlineData("""{"steps": [1, 100], "minReports": 10}""", "rolloutPolicy: missing required property 'maxFailureRate'")]
    [InlineData("""{"steps": [1, 100], "minReports": 10, "maxFailureRate": 0.1, "window": 3}""", "unknown property 'window'")]
    public void Rejects_invalid_policy_naming_the_member(string policy, string expected)
    {
        Write(policy);

        var run = _workspace.Run("--target=LoadReleases");

        run.AssertOneError(BuildErrorCode.InvalidReleases, expected);
    }

    private void Write(string policy) => File.WriteAllText(_workspace.ChannelsFile,
        """{"channels": {"stable": {"manifestLifetimeDays": 14, "deltaBaseCount": 3, "rolloutPolicy": """ + policy
        + """}, "beta": {"manifestLifetimeDays": 7, "deltaBaseCount": 3}}}""");

    public void Dispose() => _workspace.Dispose();
}
