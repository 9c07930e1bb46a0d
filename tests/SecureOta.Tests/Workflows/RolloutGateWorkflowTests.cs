namespace SecureOta.Tests.Workflows;

/// <summary>
/// The daily refresh runs the rollout gate before signing, with the collector's URL (a repository variable,
/// optional) and its read token (a secret) given to that one step only; a tag deploy does not run the gate, so
/// the maintainer's channels.json is published as written.
/// </summary>
public sealed class RolloutGateWorkflowTests
{
    [Fact]
    public void Collector_url_and_token_reach_only_the_refresh_signing_step()
    {
        var file = WorkflowFile.Load("refresh.yml");
        var steps = file.Steps("build-sign").ToList();
        var signing = steps.FindIndex(step => YamlNodes.ChildMapping(step, "env") is { } env && YamlNodes.Child(env, "SECUREOTA_RELEASE_KEY") != null);

        var mentions = YamlNodes.Scalars(file.Root).Where(s => s.Value.Contains("COLLECTOR", StringComparison.Ordinal)).ToList();

        var env = YamlNodes.ChildMapping(steps[signing], "env")!;
        Assert.Equal("${{ secrets.SECUREOTA_COLLECTOR_TOKEN }}", YamlNodes.ChildScalar(env, "SECUREOTA_COLLECTOR_TOKEN"));
        Assert.Equal("${{ vars.SECUREOTA_COLLECTOR_URL }}", YamlNodes.ChildScalar(env, "COLLECTOR_URL"));
        Assert.All(mentions, s => Assert.True(
            s.Path.Count >= 4 && s.Path[0] == "jobs" && s.Path[1] == "build-sign" && s.Path[3] == signing.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"'{s.Value}' at {string.Join("/", s.Path)} is outside the signing step"));
        Assert.Contains("--rollout-gate --collector-summary=\"$COLLECTOR_URL\"", YamlNodes.ChildScalar(steps[signing], "run"), StringComparison.Ordinal);
    }

    [Fact]
    public void Tag_release_does_not_run_the_gate()
    {
        var file = WorkflowFile.Load("release.yml");

        Assert.DoesNotContain(file.RunCommands(), line => line.Contains("--rollout-gate", StringComparison.Ordinal) || line.Contains("--collector", StringComparison.Ordinal));
        Assert.DoesNotContain(YamlNodes.Scalars(file.Root), s => s.Value.Contains("COLLECTOR", StringComparison.Ordinal));
    }
}
