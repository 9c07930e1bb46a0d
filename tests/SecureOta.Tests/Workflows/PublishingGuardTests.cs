using System.Diagnostics;
using SecureOta.Tests.Fleet.Support;
using YamlDotNet.RepresentationModel;

namespace SecureOta.Tests.Workflows;

/// <summary>
/// The guards around publishing, run as GitHub would run them, in bash on small git repositories made
/// here: a release publishes only a tag whose commit is on the default branch, and the daily refresh
/// warns, then fails, before GitHub disables its schedule after 60 days without a commit.
/// </summary>
public sealed class PublishingGuardTests : IDisposable
{
    private readonly string _root;

    public PublishingGuardTests()
    {
        CommandLineTools.Require(nameof(PublishingGuardTests), "bash", "git");
        _root = Directory.CreateTempSubdirectory("secureota-guards-").FullName;
    }

    [Fact]
    public void Release_checks_the_tag_on_the_full_history_before_the_tests_and_the_signing()
    {
        var file = WorkflowFile.Load("release.yml");
        var steps = file.Steps("tag-on-default-branch");

        var checkout = Assert.Single(steps, s => YamlNodes.ChildScalar(s, "uses")?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true);
        Assert.Equal("0", YamlNodes.ChildScalar(YamlNodes.ChildMapping(checkout, "with")!, "fetch-depth"));
        Assert.Contains(ShellLines.Commands(TagCheckScript()), line => line.Contains("git merge-base --is-ancestor \"$GITHUB_SHA\"", StringComparison.Ordinal));
        Assert.Equal("tag-on-default-branch", YamlNodes.ChildScalar(file.Job("test"), "needs"));
        Assert.Equal("test", YamlNodes.ChildScalar(file.Job("build-sign"), "needs"));
    }

    [Fact]
    public void A_tag_on_a_merged_commit_passes_the_release_check()
    {
        var repo = NewRepository();
        Git(repo, "commit", "--allow-empty", "-qm", "release");
        var sha = Git(repo, "rev-parse", "HEAD");
        Git(repo, "commit", "--allow-empty", "-qm", "later");

        var (exit, output) = RunTagCheck(repo, sha);

        Assert.True(exit == 0, output);
        Assert.Contains("v1.0.0 is on main.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tag_on_an_unmerged_commit_fails_the_release_with_what_to_do()
    {
        var repo = NewRepository();
        Git(repo, "checkout", "-qb", "feature");
        Git(repo, "commit", "--allow-empty", "-qm", "not reviewed");
        var sha = Git(repo, "rev-parse", "HEAD");

        var (exit, output) = RunTagCheck(repo, sha);

        Assert.NotEqual(0, exit);
        Assert.Contains($"::error::v1.0.0 ({sha}) is not on main: merge it first, then tag the merged commit.", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 0, "")]
    [InlineData(44, 0, "")]
    [InlineData(45, 0, "::warning::No commit for 45 days: push a commit to the default branch (an empty one will do) within 15 day(s)")]
    [InlineData(53, 1, "::error::No commit for 53 days: push a commit to the default branch (an empty one will do) within 7 day(s)")]
    [InlineData(70, 1, "::error::No commit for 70 days: GitHub may have disabled this schedule: push a commit to the default branch and enable")]
    public void Refresh_warns_and_then_fails_a_week_before_github_disables_the_schedule(int daysAgo, int expectedExit, string expectedAnnotation)
    {
        var repo = NewRepository(DateTimeOffset.UtcNow.AddDays(-daysAgo).AddHours(-1));
        var job = WorkflowFile.Load("refresh.yml").Job("keep-alive");
        var env = YamlNodes.ScalarEntries(YamlNodes.ChildMapping(job, "env")!);
        var script = YamlNodes.ChildScalar(WorkflowFile.Load("refresh.yml").Steps("keep-alive")[1], "run")!;

        var (exit, output) = Bash(repo, script, env);

        Assert.True(expectedExit == exit, output);
        Assert.Contains($"Last commit on the default branch: {daysAgo} day(s) ago.", output, StringComparison.Ordinal);
        if (expectedAnnotation.Length == 0) Assert.DoesNotContain("::", output, StringComparison.Ordinal);
        else Assert.Contains(expectedAnnotation, output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_keep_alive_check_never_holds_back_the_refresh()
    {
        var file = WorkflowFile.Load("refresh.yml");

        Assert.All(file.JobNames.Where(job => job != "keep-alive"), job =>
            Assert.DoesNotContain("keep-alive", YamlNodes.Scalars(file.Job(job)).Select(s => s.Value)));
        var env = YamlNodes.ScalarEntries(YamlNodes.ChildMapping(file.Job("keep-alive"), "env")!);
        Assert.True(int.Parse(env["FAIL_DAYS"]) < 60 && int.Parse(env["WARN_DAYS"]) < int.Parse(env["FAIL_DAYS"]));
    }

    private static string TagCheckScript() =>
        YamlNodes.ChildScalar(WorkflowFile.Load("release.yml").Steps("tag-on-default-branch")
            .Single(s => YamlNodes.ChildScalar(s, "run") != null), "run")!;

    /// <summary>The check as on GitHub: a clone of the repository (origin/main), at the tag's commit.</summary>
    private (int Exit, string Output) RunTagCheck(string origin, string sha)
    {
        var clone = Path.Combine(_root, "clone-" + Guid.NewGuid().ToString("N")[..6]);
        Git(_root, "clone", "-q", origin, clone);
        Git(clone, "checkout", "-q", "--detach", sha);
        var env = new Dictionary<string, string> { ["GITHUB_SHA"] = sha, ["GITHUB_REF_NAME"] = "v1.0.0", ["DEFAULT_BRANCH"] = "main" };
        return Bash(clone, TagCheckScript(), env);
    }

    private string NewRepository(DateTimeOffset? commitDate = null)
    {
        var repo = Directory.CreateDirectory(Path.Combine(_root, "repo-" + Guid.NewGuid().ToString("N")[..6])).FullName;
        Git(repo, "init", "-q", "-b", "main");
        var date = (commitDate ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() + " +0000";
        Run(repo, "git", ["commit", "--allow-empty", "-qm", "first"], new Dictionary<string, string> { ["GIT_AUTHOR_DATE"] = date, ["GIT_COMMITTER_DATE"] = date });
        return repo;
    }

    private static string Git(string directory, params string[] arguments)
    {
        var (exit, output) = Run(directory, "git", arguments, new Dictionary<string, string>());
        Assert.True(exit == 0, $"git {string.Join(' ', arguments)}: {output}");
        return output.Trim();
    }

    private static (int Exit, string Output) Bash(string directory, string script, IReadOnlyDictionary<string, string> env) =>
        Run(directory, "bash", ["-eo", "pipefail", "-c", script], env);

    private static (int Exit, string Output) Run(string directory, string program, string[] arguments, IReadOnlyDictionary<string, string> env)
    {
        var start = new ProcessStartInfo(program, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in env) start.Environment[name] = value;
        start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = "Test";
        start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "test@example.invalid";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
