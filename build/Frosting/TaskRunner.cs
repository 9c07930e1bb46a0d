using System.Diagnostics;
using System.Reflection;
using Spectre.Console;

namespace SecureOta.Build.Frosting;

/// <summary>Runs a plan in order, times each task, and stops at the first unhandled failure.</summary>
internal sealed class TaskRunner<TContext>
    where TContext : IFrostingContext
{
    private readonly BuildLog _log;
    private readonly IAnsiConsole _output;

    public TaskRunner(BuildLog log, IAnsiConsole output)
    {
        _log = log;
        _output = output;
    }

    public RunReport Run(IReadOnlyList<TaskDefinition> plan, TContext context)
    {
        var records = new List<TaskRecord>();
        for (var index = 0; index < plan.Count; index++)
        {
            var definition = plan[index];
            var stopwatch = Stopwatch.StartNew();
            var (outcome, failure) = RunOne(definition, context);
            records.Add(new TaskRecord(definition.Name, outcome, stopwatch.Elapsed));
            if (failure is not null)
            {
                records.AddRange(plan.Skip(index + 1).Select(t => new TaskRecord(t.Name, TaskOutcome.NotRun, TimeSpan.Zero)));
                return new RunReport(records, failure, definition.Name);
            }
        }

        return new RunReport(records, null, null);
    }

    private (TaskOutcome Outcome, Exception? Failure) RunOne(TaskDefinition definition, TContext context)
    {
        if (_log.IsEnabled(LogLevel.Information))
        {
            // A fixed-width header rather than a full-width rule: CI logs have no meaningful width.
            var tail = new string('─', Math.Max(3, 60 - definition.Name.Length));
            _output.Write(new Text($"── {definition.Name} {tail}\n", new Style(decoration: Decoration.Bold)));
        }

        IFrostingTask<TContext> task;
        try
        {
            task = (IFrostingTask<TContext>)Activator.CreateInstance(definition.Type)!;
            if (!task.ShouldRun(context))
            {
                _log.Verbose("Skipping task '{0}': its ShouldRun returned false.", definition.Name);
                return (TaskOutcome.Skipped, null);
            }
        }
        catch (Exception exception)
        {
            return (TaskOutcome.Failed, Unwrap(exception));
        }

        var outcome = TaskOutcome.Succeeded;
        Exception? failure = null;
        try
        {
            task.Run(context);
        }
        catch (Exception exception)
        {
            (outcome, failure) = HandleError(definition, task, context, exception);
        }

        try
        {
            task.Finally(context);
        }
        catch (Exception exception)
        {
            if (failure is null)
            {
                (outcome, failure) = (TaskOutcome.Failed, exception);
            }
            else
            {
                // The first failure is the one to report; do not let the clean-up's error hide it.
                _log.Warning("Task '{0}': Finally also failed: {1}", definition.Name, exception.Message);
            }
        }

        return (outcome, failure);
    }

    private (TaskOutcome Outcome, Exception? Failure) HandleError(
        TaskDefinition definition,
        IFrostingTask<TContext> task,
        TContext context,
        Exception exception)
    {
        if (!definition.HandlesErrors)
        {
            return (TaskOutcome.Failed, exception);
        }

        try
        {
            task.OnError(exception, context);
            _log.Warning("Task '{0}' failed and its OnError handled it; the build continues: {1}", definition.Name, exception.Message);
            return (TaskOutcome.ErrorHandled, null);
        }
        catch (Exception rethrown)
        {
            return (TaskOutcome.Failed, rethrown);
        }
    }

    private static Exception Unwrap(Exception exception) =>
        exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
}
