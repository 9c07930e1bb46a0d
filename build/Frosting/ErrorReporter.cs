using System.Reflection;

namespace SecureOta.Build.Frosting;

/// <summary>Turns a failure into log lines and an exit code.</summary>
internal static class ErrorReporter
{
    public static ExitCode ExitCodeFor(Exception exception) => Unwrap(exception) switch
    {
        BuildException { IsCommandLineError: true } => ExitCode.InvalidCommandLine,
        BuildException => ExitCode.TaskFailed,
        _ => ExitCode.UnexpectedError,
    };

    public static void Report(BuildLog log, Exception exception, string? failedTask)
    {
        exception = Unwrap(exception);
        if (failedTask is not null)
        {
            log.Error("Task '{0}' failed.", failedTask);
        }

        switch (exception)
        {
            case BuildException build:
                log.Error("error [{0}]: {1}", build.Code, build.Problem);
                foreach (var detail in build.Details)
                {
                    log.Error("  " + detail);
                }

                log.Error("What to do: " + build.Remedy);
                break;

            case TaskGraphException graph:
                log.Error("error: the build program's task declarations are invalid: " + graph.Message);
                break;

            default:
                log.Error("Unexpected error {0}: {1}", exception.GetType().FullName, exception.Message);
                break;
        }

        // Stack traces help whoever maintains the build program, not someone fixing their inputs.
        if (log.IsEnabled(LogLevel.Verbose))
        {
            log.Error(exception.ToString());
        }
        else if (exception is not BuildException)
        {
            log.Error("Run with --verbosity=verbose to see the stack trace.");
        }
    }

    private static Exception Unwrap(Exception exception) =>
        exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
}
