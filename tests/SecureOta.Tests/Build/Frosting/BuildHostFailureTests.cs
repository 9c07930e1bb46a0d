using System.Runtime.ExceptionServices;
using SecureOta.Build.Frosting;
using SecureOta.Tests.Build.Support;

namespace SecureOta.Tests.Build.Frosting;

public sealed class BuildHostFailureTests
{
    [Fact]
    public void Stops_at_the_first_failure_and_reports_exit_code_1_for_a_BuildException()
    {
        var run = HostRun.Execute([typeof(FirstTask), typeof(FailingTask), typeof(AfterFailingTask)], "--target=AfterFailing");

        Assert.Equal((int)ExitCode.TaskFailed, run.ExitCode);
        Assert.Equal(["First", "Failing.Run", "Failing.Finally"], run.Events);
        Assert.Matches(@"AfterFailing\s+not run", run.Consoles.OutputText);
        Assert.Matches(@"Failing\s+FAILED", run.Consoles.OutputText);
    }

    [Fact]
    public void BuildException_is_printed_with_code_problem_details_and_remedy_without_a_stack_trace()
    {
        var run = HostRun.Execute([typeof(FirstTask), typeof(FailingTask)], "--target=Failing");

        var errors = run.Consoles.ErrorText;
        Assert.Contains("Task 'Failing' failed.", errors, StringComparison.Ordinal);
        Assert.Contains("error [InvalidReleases]: The inputs are wrong.", errors, StringComparison.Ordinal);
        Assert.Contains("releases/1.0.0/release.json: bad thing", errors, StringComparison.Ordinal);
        Assert.Contains("What to do: Fix the inputs.", errors, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildException_for_an_invalid_task_argument_exits_with_code_2()
    {
        var run = HostRun.Execute([typeof(BadArgumentTask)], "--target=BadArgument");

        Assert.Equal((int)ExitCode.InvalidCommandLine, run.ExitCode);
    }

    [Fact]
    public void Unexpected_exception_exits_with_code_3_and_hides_the_stack_trace_at_normal_verbosity()
    {
        var run = HostRun.Execute([typeof(CrashingTask)], "--target=Crashing");

        Assert.Equal((int)ExitCode.UnexpectedError, run.ExitCode);
        Assert.Contains("System.InvalidOperationException: boom", run.Consoles.ErrorText, StringComparison.Ordinal);
        Assert.Contains("--verbosity=verbose", run.Consoles.ErrorText, StringComparison.Ordinal);
        Assert.DoesNotContain($"{nameof(CrashingTask)}.{nameof(CrashingTask.Run)}", run.Consoles.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public void Unexpected_exception_shows_the_stack_trace_at_verbose()
    {
        var run = HostRun.Execute([typeof(CrashingTask)], "--target=Crashing", "-v", "verbose");

        Assert.Equal((int)ExitCode.UnexpectedError, run.ExitCode);
        Assert.Contains($"{nameof(CrashingTask)}.{nameof(CrashingTask.Run)}", run.Consoles.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public void Task_whose_ShouldRun_is_false_is_skipped_and_its_dependents_still_run()
    {
        var run = HostRun.Execute([typeof(SkippedTask), typeof(AfterSkippedTask)], "--target=AfterSkipped");

        Assert.Equal((int)ExitCode.Success, run.ExitCode);
        Assert.Equal(["AfterSkipped"], run.Events);
        Assert.Matches(@"Skipped\s+skipped", run.Consoles.OutputText);
    }

    [Fact]
    public void OnError_override_handles_the_error_and_the_build_continues_as_in_Cake()
    {
        var run = HostRun.Execute([typeof(HandlingTask), typeof(AfterHandlingTask)], "--target=AfterHandling");

        Assert.Equal((int)ExitCode.Success, run.ExitCode);
        Assert.Equal(["Handling.OnError:handled boom", "Handling.Finally", "AfterHandling"], run.Events);
        Assert.Matches(@"Handling\s+failed, handled", run.Consoles.OutputText);
    }

    [Fact]
    public void OnError_override_that_rethrows_fails_the_build()
    {
        var run = HostRun.Execute([typeof(RethrowingTask)], "--target=Rethrowing");

        Assert.Equal((int)ExitCode.TaskFailed, run.ExitCode);
        Assert.Equal(["Rethrowing.OnError", "Rethrowing.Finally"], run.Events);
    }

    [Fact]
    public void Exception_from_Finally_fails_a_task_that_succeeded()
    {
        var run = HostRun.Execute([typeof(FailingFinallyTask)], "--target=FailingFinally");

        Assert.Equal((int)ExitCode.UnexpectedError, run.ExitCode);
        Assert.Contains("finally broke", run.Consoles.ErrorText, StringComparison.Ordinal);
    }

    [TaskName("First")]
    public sealed class FirstTask : FrostingTask<RecordingContext>
    {
        public override void Run(RecordingContext context) => context.Events.Add("First");
    }

    [TaskName("Failing")]
    [IsDependentOn(typeof(FirstTask))]
    public sealed class FailingTask : FrostingTask<RecordingContext>
    {
        public override void Run(RecordingContext context)
        {
            context.Events.Add("Failing.Run");
            throw new BuildException(
                BuildErrorCode.InvalidReleases,
                "The inputs are wrong.",
                "Fix the inputs.",
                [new BuildProblem("releases/1.0.0/release.json", "bad thing")]);
        }

        public override void Finally(RecordingContext context) => context.Events.Add("Failing.Finally");
    }

    [TaskName("AfterFailing")]
    [IsDependentOn(typeof(FailingTask))]
    public sealed class AfterFailingTask : FrostingTask<RecordingContext>
    {
        public override void Run(RecordingContext context) => context.Events.Add("AfterFailing");
    }

    [TaskName("BadArgument")]
    public sealed class BadArgumentTask : FrostingTask<RecordingContext>
    {
        public override void Run(RecordingContext context) =>
            throw new BuildException(BuildErrorCode.InvalidArgument, "--count is not a number.", "Give --count a number.");
    }

    [TaskName("Crashing")]
    public sealed class CrashingTask : FrostingTask<RecordingContext>
    {
        public override void Run(RecordingContext context) => throw new InvalidOperationException("boom");
    }

    [TaskName("Skipped")]
    public sealed class SkippedTask : FrostingTask<RecordingContext>
    {
        public override bool ShouldRun(RecordingContext context) => false;

        public override void Run(RecordingContext context) => context.Events.Add("Skipped");

        public override void Finally(RecordingContext context) => context.Events.Add("Skipped.Finally");
    }

    [TaskName("AfterSkipped")]
    [IsDependentOn(typeof(SkippedTask))]
    public sealed class AfterSkippedTask : FrostingTask<RecordingContext>
    {
        public override void Run(RecordingContext context) => context.Events.Add("AfterSkipped");
    }

    [TaskName("Handling")]
    public sealed class HandlingTask : FrostingTask<RecordingContext>
    {
        public override void Run(RecordingContext context) => throw new InvalidOperationException("handled boom");

        public override void OnError(Exception exception, RecordingContext context) =>
            context.Events.Add("Handling.OnError:" + exception.Message);

        public override void Finally(RecordingContext context) => context.Events.Add("Handling.Finally");
    }

    [TaskName("AfterHandling")]
    [IsDependentOn(typeof(HandlingTask))]
    public sealed class AfterHandlingTask : FrostingTask<RecordingContext>
    {
        public override void Run(RecordingContext context) => context.Events.Add("AfterHandling");
    }

    [TaskName("Rethrowing")]
    public sealed class RethrowingTask : FrostingTask<RecordingContext>
    {
        public override void Run(RecordingContext context) =>
            throw new BuildException(BuildErrorCode.FileSystem, "Disk full.", "Free some space.");

        public override void OnError(Exception exception, RecordingContext context)
        {
            context.Events.Add("Rethrowing.OnError");
            ExceptionDispatchInfo.Throw(exception);
        }

        public override void Finally(RecordingContext context) => context.Events.Add("Rethrowing.Finally");
    }

    [TaskName("FailingFinally")]
    public sealed class FailingFinallyTask : FrostingTask<RecordingContext>
    {
        public override void Finally(RecordingContext context) => throw new IOException("finally broke");
    }
}
