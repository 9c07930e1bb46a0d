using Spectre.Console;

namespace SecureOta.Build.Frosting;

/// <summary>
/// The build program's host, in the role of Cake.Frosting's <c>CakeHost</c>: finds the tasks by
/// reflection, reads Cake's command line, creates the typed context once, runs the target with
/// its dependencies and turns the result into an <see cref="ExitCode"/>.
/// </summary>
public sealed class BuildHost<TContext>
    where TContext : class, IFrostingContext
{
    private readonly Func<IFrostingContext, TContext> _createContext;
    private IReadOnlyList<Type>? _taskTypes;
    private IAnsiConsole? _output;
    private IAnsiConsole? _error;
    private BuildEnvironment? _environment;

    /// <param name="createContext">Builds the typed context from the host's; called once, only when tasks will run.</param>
    public BuildHost(Func<IFrostingContext, TContext> createContext)
    {
        ArgumentNullException.ThrowIfNull(createContext);
        _createContext = createContext;
    }

    /// <summary>Use exactly these task types instead of every task in <typeparamref name="TContext"/>'s assembly.</summary>
    public BuildHost<TContext> UseTasks(params Type[] taskTypes)
    {
        ArgumentNullException.ThrowIfNull(taskTypes);
        _taskTypes = taskTypes;
        return this;
    }

    /// <summary>Write to these consoles instead of stdout and stderr.</summary>
    public BuildHost<TContext> UseConsole(IAnsiConsole output, IAnsiConsole error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        _output = output;
        _error = error;
        return this;
    }

    /// <summary>Use this environment snapshot instead of the process's.</summary>
    public BuildHost<TContext> UseEnvironment(BuildEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
        return this;
    }

    /// <summary>Runs the build; returns the process exit code (see <see cref="ExitCode"/>).</summary>
    public int Run(IEnumerable<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var environment = _environment ?? BuildEnvironment.FromProcess();
        bool noColor = BuildConsoles.NoColor(environment);
        _output ??= BuildConsoles.Create(Console.Out, Console.IsOutputRedirected, noColor);
        _error ??= BuildConsoles.Create(Console.Error, Console.IsErrorRedirected, noColor);
        var log = new BuildLog(_output, _error, Verbosity.Normal);
        try
        {
            var arguments = BuildArguments.Parse(args);
            var options = HostOptions.From(arguments);
            log = new BuildLog(_output, _error, options.Verbosity);
            return (int)Execute(options, arguments, log, environment, _output);
        }
        catch (BuildException exception)
        {
            ErrorReporter.Report(log, exception, failedTask: null);
            return (int)ErrorReporter.ExitCodeFor(exception);
        }
        catch (Exception exception)
        {
            ErrorReporter.Report(log, exception, failedTask: null);
            return (int)ErrorReporter.ExitCodeFor(exception);
        }
    }

    private ExitCode Execute(HostOptions options, BuildArguments arguments, BuildLog log, BuildEnvironment environment, IAnsiConsole output)
    {
        var types = _taskTypes ?? TaskCatalog.Discover<TContext>(typeof(TContext).Assembly.GetTypes()).ToArray();
        var catalog = TaskCatalog.Create<TContext>(types);
        if (options.ShowHelp)
        {
            HelpPrinter.PrintHelp(output, catalog);
            return ExitCode.Success;
        }

        if (options.ShowTree)
        {
            var target = options.TargetGiven ? ExecutionPlanner.Plan(catalog, options.Target, exclusive: true)[0] : null;
            HelpPrinter.PrintTree(output, catalog, target);
            return ExitCode.Success;
        }

        var plan = ExecutionPlanner.Plan(catalog, options.Target, options.Exclusive);
        if (options.DryRun)
        {
            output.WriteLine($"Tasks that would run for target '{options.Target}', in order:");
            foreach (var task in plan)
            {
                output.WriteLine("  " + task.Name);
            }

            return ExitCode.Success;
        }

        var context = _createContext(new HostContext(log, arguments, environment));
        var report = new TaskRunner<TContext>(log, output).Run(plan, context);
        // After a failure most arguments of later tasks were never read: warning about them as
        // misspelt would bury the real error under false alarms.
        if (report.Failure is null) WarnAboutUnreadArguments(log, arguments);
        if (log.IsEnabled(LogLevel.Information))
        {
            RunSummaryPrinter.Print(output, report);
        }

        if (report.Failure is null)
        {
            return ExitCode.Success;
        }

        ErrorReporter.Report(log, report.Failure, report.FailedTask);
        return ErrorReporter.ExitCodeFor(report.Failure);
    }

    private static void WarnAboutUnreadArguments(BuildLog log, BuildArguments arguments)
    {
        foreach (var name in arguments.UnreadNames())
        {
            log.Warning("Argument --{0} was not used by any task that ran (misspelt?).", name);
        }
    }
}
