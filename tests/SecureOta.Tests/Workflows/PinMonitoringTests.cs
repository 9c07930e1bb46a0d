using SecureOta.Tests.Build.Support;
using YamlDotNet.RepresentationModel;

namespace SecureOta.Tests.Workflows;

/// <summary>
/// The scheduled refresh ends by checking the live site as devices see it (CheckPins against the URL
/// the deploy reports), in a job of its own that holds no secret and only read access, on the same
/// tag the site was built from, and fails the run when the check fails.
/// </summary>
public sealed class PinMonitoringTests
{
    private const string Job = "check-pins";

    [Fact]
    public void Refresh_checks_the_live_site_after_the_deploy_with_read_access_only()
    {
        var file = WorkflowFile.Load("refresh.yml");
        var job = file.Job(Job);

        Assert.Equal("deploy", YamlNodes.ChildScalar(job, "needs"));
        Assert.Equal(new Dictionary<string, string> { ["contents"] = "read" },
            YamlNodes.ScalarEntries(Assert.IsType<YamlMappingNode>(YamlNodes.Child(job, "permissions"))));
        Assert.Null(YamlNodes.Child(job, "environment"));
        Assert.Null(YamlNodes.Child(job, "continue-on-error"));
    }

    [Fact]
    public void Check_runs_the_CheckPins_target_against_the_url_the_deploy_reports()
    {
        var file = WorkflowFile.Load("refresh.yml");
        var deployOutputs = Assert.IsType<YamlMappingNode>(YamlNodes.Child(file.Job("deploy"), "outputs"));
        Assert.Equal("${{ steps.deployment.outputs.page_url }}", YamlNodes.ChildScalar(deployOutputs, "page_url"));

        var check = Assert.Single(file.Steps(Job), s => YamlNodes.ChildScalar(s, "run")?.Contains("--target=CheckPins", StringComparison.Ordinal) == true);
        var command = YamlNodes.ChildScalar(check, "run")!;
        Assert.Equal("./build.sh --target=CheckPins --url=\"$SITE_URL\" --warn-days=3", command);
        var env = Assert.IsType<YamlMappingNode>(YamlNodes.Child(check, "env"));
        Assert.Equal("${{ needs.deploy.outputs.page_url }}", YamlNodes.ChildScalar(env, "SITE_URL"));
        Assert.Null(YamlNodes.Child(check, "continue-on-error"));
    }

    [Fact]
    public void Check_uses_the_pins_of_the_tag_the_site_was_built_from()
    {
        var steps = WorkflowFile.Load("refresh.yml").Steps(Job).ToList();

        var checkout = steps.FindIndex(s => YamlNodes.ChildScalar(s, "uses")?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true);
        var tag = steps.FindIndex(s => ShellLines.Commands(YamlNodes.ChildScalar(s, "run") ?? "")
            .Any(l => l.StartsWith("git checkout", StringComparison.Ordinal) && l.Contains("refs/tags/$tag", StringComparison.Ordinal)));
        var check = steps.FindIndex(s => YamlNodes.ChildScalar(s, "run")?.Contains("--target=CheckPins", StringComparison.Ordinal) == true);
        Assert.Equal("0", YamlNodes.ChildScalar(YamlNodes.ChildMapping(steps[checkout], "with")!, "fetch-depth"));
        Assert.True(checkout >= 0 && checkout < tag && tag < check, "check out, then switch to the newest tag, then check");
        Assert.Contains(ShellLines.Commands(YamlNodes.ChildScalar(steps[tag], "run")!),
            l => l.Contains("git describe --tags --abbrev=0 --match 'v*'", StringComparison.Ordinal));
    }

    [Fact]
    public void The_target_and_options_the_workflow_uses_exist_in_the_build()
    {
        var (exit, consoles) = BuildProgram.Run(RepositoryRoot.FullPath, "--target=CheckPins", "--dryrun");

        Assert.True(exit == 0, consoles.AllText);
        Assert.Contains("CheckPins", consoles.OutputText, StringComparison.Ordinal);
        var (_, help) = BuildProgram.Run(RepositoryRoot.FullPath, "--help");
        Assert.Contains("--warn-days", help.OutputText, StringComparison.Ordinal);
    }
}
