using YamlDotNet.RepresentationModel;

namespace SecureOta.Tests.Workflows;

/// <summary>
/// The two workflows that publish (release on a tag, refresh on a schedule) share one shape: a
/// build-sign job that alone sees the release key, in a protected environment, and a deploy job that
/// holds only what deploy-pages needs. A leaked token from any other step can neither sign nor deploy.
/// </summary>
public sealed class PagesDeploymentTests
{
    private const string SigningSecret = "SECUREOTA_RELEASE_KEY";
    private const string SigningJob = "build-sign";

    [Theory]
    [InlineData("release.yml")]
    [InlineData("refresh.yml")]
    public void Deploy_job_holds_only_pages_and_id_token_permissions(string workflow)
    {
        var deploy = WorkflowFile.Load(workflow).Job("deploy");

        var permissions = YamlNodes.ScalarEntries(Assert.IsType<YamlMappingNode>(YamlNodes.Child(deploy, "permissions")));

        Assert.Equal(
            new Dictionary<string, string> { ["pages"] = "write", ["id-token"] = "write" },
            permissions);
    }

    [Theory]
    [InlineData("release.yml")]
    [InlineData("refresh.yml")]
    public void Deploy_job_publishes_the_signed_site_to_the_github_pages_environment(string workflow)
    {
        var file = WorkflowFile.Load(workflow);
        var deploy = file.Job("deploy");

        Assert.Equal(SigningJob, YamlNodes.ChildScalar(deploy, "needs"));
        var environment = Assert.IsType<YamlMappingNode>(YamlNodes.Child(deploy, "environment"));
        Assert.Equal("github-pages", YamlNodes.ChildScalar(environment, "name"));
        Assert.Equal("${{ steps.deployment.outputs.page_url }}", YamlNodes.ChildScalar(environment, "url"));
        Assert.Contains(file.Steps("deploy"), step =>
            YamlNodes.ChildScalar(step, "id") == "deployment"
            && YamlNodes.ChildScalar(step, "uses")?.StartsWith("actions/deploy-pages@", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("release.yml")]
    [InlineData("refresh.yml")]
    public void Signing_secret_appears_only_in_an_env_block_of_the_build_sign_job(string workflow)
    {
        var file = WorkflowFile.Load(workflow);

        var mentions = YamlNodes.Scalars(file.Root)
            .Where(s => s.Value.Contains(SigningSecret, StringComparison.Ordinal) || s.Value.Contains("secrets.", StringComparison.Ordinal))
            .ToList();

        Assert.Contains(mentions, s => s.Value == "${{ secrets." + SigningSecret + " }}");
        Assert.All(mentions, s => Assert.True(IsStepEnvOfSigningJob(s.Path),
            $"{workflow}: '{s.Value}' at {string.Join("/", s.Path)} is outside jobs/{SigningJob}/steps/*/env"));
    }

    [Theory]
    [InlineData("release.yml")]
    [InlineData("refresh.yml")]
    public void Build_sign_job_runs_in_an_environment(string workflow)
    {
        var environment = YamlNodes.ChildScalar(WorkflowFile.Load(workflow).Job(SigningJob), "environment");

        Assert.False(string.IsNullOrWhiteSpace(environment), $"{workflow}: {SigningJob} must name its environment");
        Assert.NotEqual("github-pages", environment);
    }

    [Theory]
    [InlineData("release.yml", "./build.sh --target=Release --live-site=\"$LIVE_SITE\"")]
    [InlineData("refresh.yml", "./build.sh --target=Release --live-site=\"$LIVE_SITE\" --rollout-gate --collector-summary=\"$COLLECTOR_URL\"")]
    public void Signing_step_runs_the_release_target_with_both_secrets_above_the_live_site_and_the_site_is_uploaded_after_it(string workflow, string command)
    {
        var steps = WorkflowFile.Load(workflow).Steps(SigningJob);

        var signing = steps.ToList().FindIndex(step => YamlNodes.ChildMapping(step, "env") is { } env
            && YamlNodes.Child(env, SigningSecret) != null);
        var upload = steps.ToList().FindIndex(step =>
            YamlNodes.ChildScalar(step, "uses")?.StartsWith("actions/upload-pages-artifact@", StringComparison.Ordinal) == true);

        Assert.True(signing >= 0, $"{workflow}: no step receives {SigningSecret}");
        Assert.Equal(command, YamlNodes.ChildScalar(steps[signing], "run"));
        var env = YamlNodes.ChildMapping(steps[signing], "env")!;
        Assert.Equal("${{ secrets.SECUREOTA_CONTENT_SECRET }}", YamlNodes.ChildScalar(env, "SECUREOTA_CONTENT_SECRET"));
        Assert.Contains("/ota/v2/", YamlNodes.ChildScalar(env, "LIVE_SITE"), StringComparison.Ordinal);
        Assert.True(upload > signing, $"{workflow}: the site must be uploaded after it is signed");
        Assert.Equal("site/", YamlNodes.ChildScalar(YamlNodes.ChildMapping(steps[upload], "with")!, "path"));
    }

    [Theory]
    [InlineData("release.yml")]
    [InlineData("refresh.yml")]
    public void No_step_script_mentions_the_signing_key(string workflow)
    {
        // The build reads the key from its environment; a script naming it could echo or forward it.
        var scripts = WorkflowFile.Load(workflow).RunCommands();

        Assert.NotEmpty(scripts);
        Assert.DoesNotContain(scripts, line => line.Contains(SigningSecret, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("release.yml")]
    [InlineData("refresh.yml")]
    public void Only_the_deploy_job_queues_in_the_shared_pages_group_and_is_never_cancelled(string workflow)
    {
        // At workflow level the group would be held while a release waits for its reviewers, and a
        // second release or the daily refresh would queue behind (or replace) the waiting one.
        var file = WorkflowFile.Load(workflow);

        Assert.Null(YamlNodes.Child(file.Root, "concurrency"));
        var concurrency = Assert.IsType<YamlMappingNode>(YamlNodes.Child(file.Job("deploy"), "concurrency"));
        Assert.Equal("pages", YamlNodes.ChildScalar(concurrency, "group"));
        Assert.Equal("false", YamlNodes.ChildScalar(concurrency, "cancel-in-progress"));
        Assert.All(file.JobNames.Where(job => job != "deploy"), job => Assert.Null(YamlNodes.Child(file.Job(job), "concurrency")));
    }

    [Fact]
    public void Ci_workflow_uses_no_secrets()
    {
        var mentions = YamlNodes.Scalars(WorkflowFile.Load("ci.yml").Root)
            .Where(s => s.Value.Contains("secrets.", StringComparison.Ordinal) || s.Value.Contains(SigningSecret, StringComparison.Ordinal));

        Assert.Empty(mentions);
    }

    // jobs/build-sign/steps/<i>/env/<NAME> (the key) or its value.
    private static bool IsStepEnvOfSigningJob(IReadOnlyList<string> path) =>
        path.Count == 6 && path[0] == "jobs" && path[1] == SigningJob && path[2] == "steps"
        && int.TryParse(path[3], out _) && path[4] == "env";
}
