using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace SecureOta.Tests.Workflows;

/// <summary>
/// Least privilege and bounded runs: no job inherits the repository's default token permissions,
/// none runs unbounded, and no checkout leaves a token in .git/config for later steps to read.
/// </summary>
public sealed class JobHygieneTests
{
    public static IEnumerable<object[]> Workflows => WorkflowFile.All();

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Every_job_declares_permissions_and_a_timeout(string workflow)
    {
        var file = WorkflowFile.Load(workflow);

        Assert.NotEmpty(file.JobNames);
        Assert.All(file.JobNames, name =>
        {
            var job = file.Job(name);
            Assert.True(YamlNodes.Child(job, "permissions") is YamlMappingNode,
                $"{workflow}: job '{name}' must list its permissions explicitly");
            var timeout = YamlNodes.ChildScalar(job, "timeout-minutes");
            Assert.True(int.TryParse(timeout, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes > 0,
                $"{workflow}: job '{name}' needs a positive timeout-minutes, has '{timeout}'");
        });
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Workflow_default_permissions_grant_at_most_read_access_to_contents(string workflow)
    {
        var permissions = YamlNodes.Child(WorkflowFile.Load(workflow).Root, "permissions");

        var mapping = Assert.IsType<YamlMappingNode>(permissions);
        var entries = YamlNodes.ScalarEntries(mapping);
        Assert.True(entries.Count == 0 || (entries.Count == 1 && entries.GetValueOrDefault("contents") == "read"),
            $"{workflow}: workflow-level permissions must be {{}} or contents: read, are {string.Join(", ", entries)}");
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Only_deploy_jobs_hold_write_permissions(string workflow)
    {
        var file = WorkflowFile.Load(workflow);

        var writers = file.JobNames
            .Where(name => YamlNodes.ChildMapping(file.Job(name), "permissions") is { } p
                && YamlNodes.ScalarEntries(p).Values.Contains("write"))
            .ToList();

        Assert.All(writers, name => Assert.Equal("deploy", name));
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Checkout_steps_do_not_persist_credentials(string workflow)
    {
        var checkouts = WorkflowFile.Load(workflow).AllSteps()
            .Where(s => YamlNodes.ChildScalar(s.Step, "uses")?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true)
            .ToList();

        Assert.NotEmpty(checkouts);
        Assert.All(checkouts, s =>
        {
            var with = YamlNodes.ChildMapping(s.Step, "with");
            Assert.True(with != null && YamlNodes.ChildScalar(with, "persist-credentials") == "false",
                $"{workflow}: checkout in job '{s.Job}' must set persist-credentials: false");
        });
    }
}
