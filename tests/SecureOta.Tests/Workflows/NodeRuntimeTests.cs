namespace SecureOta.Tests.Workflows;

/// <summary>
/// GitHub's runners no longer have Node 20 (removed on 2026-09-16): an action release that runs on it
/// fails the job. These are the releases this project has used or considered that run on Node 20,
/// checked against each action's own action.yml (runs.using, or the actions a composite one calls).
/// </summary>
public sealed class NodeRuntimeTests
{
    private static readonly Dictionary<string, string[]> Node20Releases = new(StringComparer.Ordinal)
    {
        // node20 in action.yml.
        ["actions/configure-pages"] = ["v5.0.0", "v4.0.0"],
        ["actions/deploy-pages"] = ["v4.0.5", "v4.0.4", "v4.0.0"],
        ["actions/checkout"] = ["v4.2.2", "v4.2.1", "v4.2.0", "v4.1.7", "v4.0.0"],
        ["actions/setup-dotnet"] = ["v4.3.1", "v4.3.0", "v4.0.0"],
        // Composite, calling actions/upload-artifact v4 (node20).
        ["actions/upload-pages-artifact"] = ["v4.0.0", "v3.0.1"],
    };

    public static IEnumerable<object[]> Workflows => WorkflowFile.All();

    [Theory]
    [MemberData(nameof(Workflows))]
    public void No_action_release_that_runs_on_node20_is_used(string workflow)
    {
        var pins = Pins(WorkflowFile.Load(workflow));

        Assert.NotEmpty(pins);
        Assert.All(pins, pin => Assert.False(
            Node20Releases.TryGetValue(pin.Action, out var releases) && releases.Contains(pin.Version),
            $"{workflow}: {pin.Action} {pin.Version} runs on Node 20, which GitHub's runners no longer have."));
    }

    [Fact]
    public void Pages_actions_are_the_node24_releases_pinned_to_their_verified_commits()
    {
        var pins = WorkflowFile.All().SelectMany(w => Pins(WorkflowFile.Load((string)w[0]))).ToList();

        Assert.Contains(("actions/deploy-pages", "cd2ce8fcbc39b97be8ca5fce6e763baed58fa128", "v5.0.0"), pins);
        Assert.Contains(("actions/upload-pages-artifact", "fc324d3547104276b827a68afc52ff2a11cc49c9", "v5.0.0"), pins);
        Assert.DoesNotContain(pins, pin => pin.Action == "actions/configure-pages");
    }

    /// <summary>(action, sha, version comment) of every `uses:` line.</summary>
    private static List<(string Action, string Sha, string Version)> Pins(WorkflowFile file) =>
        file.Text.Split('\n')
            .Select(line => System.Text.RegularExpressions.Regex.Match(line, @"uses:\s*([^@\s]+)@([0-9a-f]{40})\s+#\s*(v\d+\.\d+\.\d+)"))
            .Where(match => match.Success)
            .Select(match => (match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value))
            .ToList();
}
