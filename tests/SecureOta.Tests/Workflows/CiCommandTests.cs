namespace SecureOta.Tests.Workflows;

/// <summary>
/// CI checks what the README promises: the two Quick start commands, taken from README.md itself,
/// are run verbatim by the GitHub CI workflow and by .ci/run, and both lint the workflows.
/// </summary>
public sealed class CiCommandTests
{
    private const string WorkflowsDirectory = ".github/workflows";

    public static IEnumerable<object[]> ReadmeCommands => ReadmeQuickStart.All();

    [Fact]
    public void Readme_quick_start_marks_the_build_and_the_test_command()
    {
        Assert.StartsWith("./build.sh", ReadmeQuickStart.BuildCommand, StringComparison.Ordinal);
        Assert.StartsWith("dotnet test ", ReadmeQuickStart.TestCommand, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ReadmeCommands))]
    public void Ci_workflow_runs_the_readme_command(string command)
    {
        var commands = WorkflowFile.Load("ci.yml").RunCommands();

        Assert.True(ShellLines.RunsExactly(commands, command), $"ci.yml does not run '{command}'");
    }

    [Theory]
    [MemberData(nameof(ReadmeCommands))]
    public void Ci_script_runs_the_readme_command(string command)
    {
        Assert.True(ShellLines.RunsExactly(CiScriptCommands(), command), $".ci/run does not run '{command}'");
    }

    [Fact]
    public void Ci_script_runs_yamllint_on_the_workflows()
    {
        var calls = ShellLines.Invocations(CiScriptCommands(), "yamllint");

        Assert.Contains(calls, call => call.Contains(WorkflowsDirectory, StringComparison.Ordinal));
    }

    [Fact]
    public void Ci_workflow_runs_yamllint_on_the_workflows()
    {
        var calls = ShellLines.Invocations(WorkflowFile.Load("ci.yml").RunCommands(), "yamllint");

        Assert.Contains(calls, call => call.Contains(WorkflowsDirectory, StringComparison.Ordinal));
    }

    [Fact]
    public void Ci_script_stops_at_the_first_failure()
    {
        var lines = CiScriptCommands().ToList();

        Assert.Equal("set -euo pipefail", lines.First(l => l.StartsWith("set ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Commands_in_comments_or_echo_do_not_count_as_run()
    {
        var script = "# dotnet test SecureOta.slnx\necho \"dotnet test SecureOta.slnx\"\n  yamllint -c x .github/workflows\n";

        var commands = ShellLines.Commands(script).ToList();

        Assert.False(ShellLines.RunsExactly(commands, "dotnet test SecureOta.slnx"));
        Assert.Single(ShellLines.Invocations(commands, "yamllint"));
    }

    [Fact]
    public void Quick_start_extraction_takes_the_first_two_sh_blocks_of_that_section()
    {
        const string readme = "# X\n```sh\nnot this\n```\n## Quick start\ntext\n```sh\n./build.sh\n```\n"
            + "```powershell\n./build.ps1\n```\n```sh\ndotnet test X.slnx\n```\n```sh\nthird\n```\n";

        Assert.Equal(["./build.sh", "dotnet test X.slnx"], ReadmeQuickStart.Extract(readme));
    }

    [Fact]
    public void Quick_start_extraction_refuses_a_section_with_one_command()
    {
        const string readme = "## Quick start\n```sh\n./build.sh\n```\n## Next\n```sh\ndotnet test\n```\n";

        Assert.Throws<InvalidDataException>(() => ReadmeQuickStart.Extract(readme));
    }

    private static IEnumerable<string> CiScriptCommands() =>
        ShellLines.Commands(File.ReadAllText(Path.Combine(RepositoryRoot.FullPath, ".ci", "run")));
}
