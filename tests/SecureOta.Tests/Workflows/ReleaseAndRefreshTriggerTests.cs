using YamlDotNet.RepresentationModel;

namespace SecureOta.Tests.Workflows;

/// <summary>
/// When the signing workflows run: a release only for a pushed `v*` tag (never a branch push or a pull
/// request, whose code anyone may propose), and a refresh every day for the newest released tag,
/// before the channel manifests expire.
/// </summary>
public sealed class ReleaseAndRefreshTriggerTests
{
    [Fact]
    public void Release_workflow_triggers_on_v_tags_only()
    {
        var on = Assert.IsType<YamlMappingNode>(YamlNodes.Child(WorkflowFile.Load("release.yml").Root, "on"));

        Assert.Equal(["push"], YamlNodes.Keys(on));
        var push = Assert.IsType<YamlMappingNode>(YamlNodes.Child(on, "push"));
        Assert.Equal(["tags"], YamlNodes.Keys(push));
        var tags = Assert.IsType<YamlSequenceNode>(YamlNodes.Child(push, "tags"));
        Assert.Equal(["v*"], tags.Children.Select(t => ((YamlScalarNode)t).Value));
    }

    [Fact]
    public void Release_signs_only_after_the_tests_pass()
    {
        var file = WorkflowFile.Load("release.yml");

        Assert.Equal("test", YamlNodes.ChildScalar(file.Job("build-sign"), "needs"));
        Assert.Contains(ReadmeQuickStart.TestCommand, file.Steps("test").Select(s => YamlNodes.ChildScalar(s, "run")));
    }

    [Fact]
    public void Release_signs_in_the_release_signing_environment()
    {
        var environment = YamlNodes.ChildScalar(WorkflowFile.Load("release.yml").Job("build-sign"), "environment");

        Assert.Equal("release-signing", environment);
    }

    [Fact]
    public void Refresh_workflow_runs_on_a_daily_schedule_and_by_hand()
    {
        var on = Assert.IsType<YamlMappingNode>(YamlNodes.Child(WorkflowFile.Load("refresh.yml").Root, "on"));

        Assert.NotNull(YamlNodes.Child(on, "workflow_dispatch"));
        var schedule = Assert.IsType<YamlSequenceNode>(YamlNodes.Child(on, "schedule"));
        var cron = Assert.Single(schedule.Children.Cast<YamlMappingNode>().Select(e => YamlNodes.ChildScalar(e, "cron")));
        var fields = (cron ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, fields.Length);
        Assert.True(int.TryParse(fields[0], out _) && int.TryParse(fields[1], out _), $"'{cron}' must fire at a fixed minute and hour");
        Assert.Equal(["*", "*", "*"], fields[2..]);
    }

    [Fact]
    public void Refresh_rebuilds_the_newest_v_tag_before_it_signs()
    {
        var file = WorkflowFile.Load("refresh.yml");
        var steps = file.Steps("build-sign");

        var checkout = steps.First(s => YamlNodes.ChildScalar(s, "uses")?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true);
        Assert.Equal("0", YamlNodes.ChildScalar(YamlNodes.ChildMapping(checkout, "with")!, "fetch-depth"));

        var describe = steps.ToList().FindIndex(s => ShellLines.Commands(YamlNodes.ChildScalar(s, "run") ?? "")
            .Any(l => l.Contains("git describe --tags --abbrev=0 --match 'v*'", StringComparison.Ordinal)));
        var sign = steps.ToList().FindIndex(s => YamlNodes.ChildScalar(s, "run")?.StartsWith("./build.sh --target=Release", StringComparison.Ordinal) == true);
        Assert.True(describe >= 0, "refresh.yml must find the newest v* tag with git describe");
        Assert.Contains(ShellLines.Commands(YamlNodes.ChildScalar(steps[describe], "run")!),
            l => l.StartsWith("git checkout", StringComparison.Ordinal) && l.Contains("refs/tags/$tag", StringComparison.Ordinal));
        Assert.True(sign > describe, "the tag must be checked out before the site is signed");
    }
}
