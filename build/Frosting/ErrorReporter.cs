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

    private static Exception Unwrap(Exception exception)
    {
        if (exception is TargetInvocationException { InnerException: { } inner }) exception = inner;
        return MissingNativeLibrary(exception) is { } missing ? MissingPrerequisite(missing, exception) : exception;
    }

    /// <summary>The DllNotFoundException behind <paramref name="exception"/> (also inside a type initializer's failure), if any.</summary>
    private static DllNotFoundException? MissingNativeLibrary(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is DllNotFoundException missing) return missing;
        }

        return null;
    }

    // A library the machine lacks is something to install, not a bug of the build program: exit 1
    // with what to install. The build's only native library is libsodium, which NSec.Cryptography
    // ships for Windows, macOS and Linux (x64 and arm64, glibc and musl).
    private static BuildException MissingPrerequisite(DllNotFoundException missing, Exception exception) =>
        new(BuildErrorCode.MissingPrerequisite,
            $"A native library the build needs could not be loaded on {System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier}: {missing.Message}",
            "Install libsodium for this system so that the loader finds it (Debian/Ubuntu: sudo apt-get install libsodium-dev; " +
            "Fedora: sudo dnf install libsodium-devel; macOS: brew install libsodium), or run the build on Windows, macOS or Linux x64/arm64, " +
            "where the NSec.Cryptography package brings its own.",
            exception);
}
