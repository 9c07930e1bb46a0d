using SecureOta.Build.Context;
using SecureOta.Build.Frosting;

namespace SecureOta.Tests.Build.Support;

/// <summary>Runs the real build program (its tasks and <see cref="BuildContext"/>) in a chosen working directory.</summary>
internal static class BuildProgram
{
    public static (int ExitCode, TestConsoles Consoles) Run(string workingDirectory, params string[] args)
    {
        var consoles = new TestConsoles();
        var exitCode = new BuildHost<BuildContext>(host => new BuildContext(host))
            .UseConsole(consoles.Output, consoles.Error)
            .UseEnvironment(TestEnvironments.Create(workingDirectory))
            .Run(args);
        return (exitCode, consoles);
    }
}
