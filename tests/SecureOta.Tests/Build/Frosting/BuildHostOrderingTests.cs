using SecureOta.Build.Frosting;
using SecureOta.Tests.Build.Support;

namespace SecureOta.Tests.Build.Frosting;

public sealed class BuildHostOrderingTests
{
    private static readonly Type[] Diamond = [typeof(RootTask), typeof(LeftTask), typeof(RightTask), typeof(TopTask), typeof(DefaultTask)];

    [Fact]
    public void Runs_dependencies_first_in_declaration_order_and_each_task_once()
    {
        var run = HostRun.Execute(Diamond, "--target=Top");

        Assert.Equal((int)ExitCode.Success, run.ExitCode);
        Assert.Equal(["Root", "Left", "Right", "Top"], run.Events);
    }

    [Fact]
    public void Target_given_as_separate_value_or_short_alias_is_the_same()
    {
        Assert.Equal(["Root", "Left"], HostRun.Execute(Diamond, "--target", "Left").Events);
        Assert.Equal(["Root", "Left"], HostRun.Execute(Diamond, "-t", "Left").Events);
    }

    [Fact]
    public void Target_names_are_case_insensitive()
    {
        Assert.Equal(["Root", "Right"], HostRun.Execute(Diamond, "--target=right").Events);
    }

    [Fact]
    public void Without_target_runs_Default()
    {
        var run = HostRun.Execute(Diamond);

        Assert.Equal(["Root", "Left", "Right", "Top", "Default"], run.Events);
    }

    [Fact]
    public void Exclusive_runs_only_the_target()
    {
        Assert.Equal(["Top"], HostRun.Execute(Diamond, "--target=Top", "--exclusive").Events);
    }

    [Fact]
    public void Dry_run_lists_the_order_without_running_or_creating_the_context()
    {
        var run = HostRun.Execute(Diamond, "--target=Top", "--dryrun");

        Assert.Equal((int)ExitCode.Success, run.ExitCode);
        Assert.Equal(0, run.ContextsCreated);
        Assert.Matches(@"Root\s+Left\s+Right\s+Top", run.Consoles.OutputText);
    }

    [Fact]
    public void Creates_the_context_once_for_all_tasks()
    {
        var run = HostRun.Execute(Diamond, "--target=Top");

        Assert.Equal(1, run.ContextsCreated);
    }

    [Fact]
    public void Prints_a_summary_with_every_task_that_ran()
    {
        var run = HostRun.Execute(Diamond, "--target=Top");

        Assert.Matches(@"Root\s+succeeded", run.Consoles.OutputText);
        Assert.Matches(@"Top\s+succeeded", run.Consoles.OutputText);
        Assert.Contains("Total", run.Consoles.OutputText, StringComparison.Ordinal);
    }

    [Fact]
    public void Quiet_verbosity_prints_no_summary()
    {
        var run = HostRun.Execute(Diamond, "--target=Top", "--verbosity=quiet");

        Assert.Equal((int)ExitCode.Success, run.ExitCode);
        Assert.Equal(string.Empty, run.Consoles.AllText);
    }

    [TaskName("Root")]
    public sealed class RootTask : FrostingTask<RecordingContext>
    {
        public override void Run(RecordingContext context) => context.Events.Add("Root");
    }

    [TaskName("Left")]
    [IsDependentOn(typeof(RootTask))]
    public sealed class LeftTask : FrostingTask<RecordingContext>
    {
        public override void Run(RecordingContext context) => context.Events.Add("Left");
    }

    [TaskName("Right")]
    [IsDependentOn(typeof(RootTask))]
    public sealed class RightTask : FrostingTask<RecordingContext>
    {
        public override void Run(RecordingContext context) => context.Events.Add("Right");
    }

    [TaskName("Top")]
    [IsDependentOn(typeof(LeftTask))]
    [IsDependentOn(typeof(RightTask))]
    public sealed class TopTask : FrostingTask<RecordingContext>
    {
        public override void Run(RecordingContext context) => context.Events.Add("Top");
    }

    // A task written against the host's context only, like Cake.Frosting's non-generic FrostingTask.
    [TaskName("Default")]
    [IsDependentOn(typeof(TopTask))]
    public sealed class DefaultTask : FrostingTask
    {
        public override void Run(IFrostingContext context) => ((RecordingContext)context).Events.Add("Default");
    }
}
