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
    private IAnsiConsole _output = CreateConsole(Console.Out, Console.IsOutputRedirected);
    private IAnsiConsole _error = CreateConsole(Console.Error, Console.IsErrorRedirected);
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
        var log = new BuildLog(_output, _error, Verbosity.Normal);
        try
        {
            var arguments = BuildArguments.Parse(args);
            var options = HostOptions.From(arguments);
            log = new BuildLog(_output, _error, options.Verbosity);
            return (int)Execute(options, arguments, log);
        }
        catch (BuildException exception)
        {
            ErrorReporter.Report(log, exception, failedTask: null);
            return (int)ErrorReporter.ExitCodeFor(exception);
        }
        catch (Exception exception)
        {
            ErrorReporter.Report(log, exception, failedTask: null);
            return (int)ExitCode.UnexpectedError;
        }
    }

    private ExitCode Execute(HostOptions options, BuildArguments arguments, BuildLog log)
    {
        var types = _taskTypes ?? TaskCatalog.Discover<TContext>(typeof(TContext).Assembly.GetTypes()).ToArray();
        var catalog = TaskCatalog.Create<TContext>(types);
        if (options.ShowHelp)
        {
            HelpPrinter.PrintHelp(_output, catalog);
            return ExitCode.Success;
        }

        if (options.ShowTree)
        {
            var target = options.TargetGiven ? ExecutionPlanner.Plan(catalog, options.Target, exclusive: true)[0] : null;
            HelpPrinter.PrintTree(_output, catalog, target);
            return ExitCode.Success;
        }

        var plan = ExecutionPlanner.Plan(catalog, options.Target, options.Exclusive);
        if (options.DryRun)
        {
            _output.WriteLine($"Tasks that would run for target '{options.Target}', in order:");
            foreach (var task in plan)
            {
                _output.WriteLine("  " + task.Name);
            }

            return ExitCode.Success;
        }

        var context = _createContext(new HostContext(log, arguments, _environment ?? BuildEnvironment.FromProcess()));
        var report = new TaskRunner<TContext>(log, _output).Run(plan, context);
        WarnAboutUnreadArguments(log, arguments);
        if (log.IsEnabled(LogLevel.Information))
        {
            RunSummaryPrinter.Print(_output, report);
        }

        if (report.Failure is null)
        {
            return ExitCode.Success;
        }

        ErrorReporter.Report(log, report.Failure, report.FailedTask);
        return ErrorReporter.ExitCodeFor(report.Failure);
    }

    private static IAnsiConsole CreateConsole(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (redirected)
        {
            // CI logs have no width; Spectre's default of 80 columns would wrap log lines mid-word.
            console.Profile.Width = 200;
        }

        return console;
    }

    private static void WarnAboutUnreadArguments(BuildLog log, BuildArguments arguments)
    {
        foreach (var name in arguments.UnreadNames())
        {
            log.Warning("Argument --{0} was not used by any task that ran (misspelt?).", name);
        }
    }
}
