using SecureOta.Build.Frosting;
using SecureOta.Tests.Build.Support;

namespace SecureOta.Tests.Build.Frosting;

public sealed class BuildHostCommandLineTests
{
    private static readonly Type[] Tasks = [typeof(CompileTask), typeof(PackTask)];

    [Fact]
    public void Unknown_target_exits_with_code_2_and_lists_the_available_targets()
    {
        var run = HostRun.Execute(Tasks, "--target=Deploy");

        Assert.Equal((int)ExitCode.InvalidCommandLine, run.ExitCode);
        Assert.Contains("Unknown target 'Deploy'", run.Consoles.ErrorText, StringComparison.Ordinal);
        Assert.Contains("Available targets: Compile, Pack", run.Consoles.ErrorText, StringComparison.Ordinal);
        Assert.Equal(0, run.ContextsCreated);
    }

    [Fact]
    public void Dependency_cycle_exits_with_code_3_naming_the_cycle_and_the_targets()
    {
        var run = HostRun.Execute([typeof(ChickenTask), typeof(EggTask)], "--target=Chicken");

        Assert.Equal((int)ExitCode.UnexpectedError, run.ExitCode);
        Assert.Contains("Task dependency cycle: Chicken -> Egg -> Chicken", run.Consoles.ErrorText, StringComparison.Ordinal);
        Assert.Contains("Available targets: Chicken, Egg", run.Consoles.ErrorText, StringComparison.Ordinal);
        Assert.Empty(run.Events);
    }

    [Fact]
    public void Dependency_on_a_type_that_is_not_a_task_of_the_build_exits_with_code_3()
    {
        var run = HostRun.Execute([typeof(PackTask)], "--target=Pack");

        Assert.Equal((int)ExitCode.UnexpectedError, run.ExitCode);
        Assert.Contains("depends on", run.Consoles.ErrorText, StringComparison.Ordinal);
        Assert.Contains(nameof(CompileTask), run.Consoles.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_tasks_with_one_name_exit_with_code_3()
    {
        var run = HostRun.Execute([typeof(CompileTask), typeof(DuplicateCompileTask)], "--target=Compile");

        Assert.Equal((int)ExitCode.UnexpectedError, run.ExitCode);
        Assert.Contains("Task name 'Compile' is used by", run.Consoles.ErrorText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--verbosity=loud")]
    [InlineData("-v")]
    public void Unknown_verbosity_exits_with_code_2_and_lists_the_levels(string argument)
    {
        var run = HostRun.Execute(Tasks, argument);

        Assert.Equal((int)ExitCode.InvalidCommandLine, run.ExitCode);
        Assert.Contains("quiet, minimal, normal, verbose, diagnostic", run.Consoles.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public void Positional_argument_exits_with_code_2()
    {
        var run = HostRun.Execute(Tasks, "--target=Pack", "--exclusive", "Compile", "extra");

        Assert.Equal((int)ExitCode.InvalidCommandLine, run.ExitCode);
        Assert.Contains("Unexpected argument 'extra'", run.Consoles.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_every_task_with_its_description_and_dependencies_without_running_anything()
    {
        var run = HostRun.Execute(Tasks, "--help");

        Assert.Equal((int)ExitCode.Success, run.ExitCode);
        Assert.Equal(0, run.ContextsCreated);
        Assert.Matches(@"Compile\s+Turns sources into binaries\.", run.Consoles.OutputText);
        Assert.Matches(@"Pack\s+Zips the binaries\.\s+Compile", run.Consoles.OutputText);
        Assert.Contains("--verbosity", run.Consoles.OutputText, StringComparison.Ordinal);
    }

    [Fact]
    public void Tree_shows_each_top_level_task_with_its_dependencies_beneath()
    {
        var run = HostRun.Execute(Tasks, "--tree");

        Assert.Equal((int)ExitCode.Success, run.ExitCode);
        var lines = run.Consoles.OutputText.Split('\n');
        var pack = Array.FindIndex(lines, l => l.StartsWith("Pack - Zips the binaries.", StringComparison.Ordinal));
        Assert.True(pack >= 0, run.Consoles.OutputText);
        Assert.Contains("Compile - Turns sources into binaries.", lines[pack + 1], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.StartsWith("Compile", StringComparison.Ordinal));
    }

    [Fact]
    public void Argument_that_no_task_reads_is_warned_about_but_does_not_fail_the_build()
    {
        var run = HostRun.Execute(Tasks, "--target=Compile", "--optimise=full");

        Assert.Equal((int)ExitCode.Success, run.ExitCode);
        Assert.Contains("Argument --optimise was not used", run.Consoles.OutputText, StringComparison.Ordinal);
    }

    [Fact]
    public void Argument_read_by_a_task_is_not_warned_about()
    {
        var run = HostRun.Execute(Tasks, "--target=Compile", "--configuration=Release");

        Assert.Equal(["Compile:Release"], run.Events);
        Assert.DoesNotContain("was not used", run.Consoles.AllText, StringComparison.Ordinal);
    }

    [TaskName("Compile")]
    [TaskDescription("Turns sources into binaries.")]
    public sealed class CompileTask : FrostingTask<RecordingContext>
    {
        public override void Run(RecordingContext context) =>
            context.Events.Add("Compile:" + (context.Arguments.GetArgument("configuration") ?? "Debug"));
    }

    [TaskName("Pack")]
    [TaskDescription("Zips the binaries.")]
    [IsDependentOn(typeof(CompileTask))]
    public sealed class PackTask : FrostingTask<RecordingContext>
    {
        public override void Run(RecordingContext context) => context.Events.Add("Pack");
    }

    [TaskName("compile")]
    public sealed class DuplicateCompileTask : FrostingTask<RecordingContext>
    {
    }

    [TaskName("Chicken")]
    [IsDependentOn(typeof(EggTask))]
    public sealed class ChickenTask : FrostingTask<RecordingContext>
    {
        public override void Run(RecordingContext context) => context.Events.Add("Chicken");
    }

    [TaskName("Egg")]
    [IsDependentOn(typeof(ChickenTask))]
    public sealed class EggTask : FrostingTask<RecordingContext>
    {
        public override void Run(RecordingContext context) => context.Events.Add("Egg");
    }
}
