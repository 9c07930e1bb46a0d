using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using BuildExitCode = SecureOta.Build.Frosting.ExitCode;
using SecureOta.Tests.Build.Support;

namespace SecureOta.Tests.Pipeline;

/// <summary>One in-process run of the real build program: its exit code, what it printed, and its context.</summary>
internal sealed class PipelineRun
{
    private PipelineRun(int exitCode, TestConsoles consoles, BuildContext? context)
    {
        ExitCode = exitCode;
        Consoles = consoles;
        Context = context;
    }

    public int ExitCode { get; }

    public TestConsoles Consoles { get; }

    public BuildContext? Context { get; }

    /// <summary>
    /// Runs the build with the repository as working directory, the given environment variables (none
    /// by default, so the test process's SECUREOTA_RELEASE_KEY or SOURCE_DATE_EPOCH never leak in), and
    /// <paramref name="configure"/> applied to the context before any task runs.
    /// The repository stays the working directory (the build finds its sources there), but a run that
    /// names no --releases-dir or --keys-dir gets fresh ones of the tests' own (<see cref="SecureOta.Tests.Support.TestScratch"/>):
    /// tests never read, nor edit, the repository's releases/ and keys/, which are a maintainer's.
    /// </summary>
    public static PipelineRun Execute(string[] args, IReadOnlyDictionary<string, string>? environment = null, Action<BuildContext>? configure = null)
    {
        if (!args.Any(a => a.StartsWith("--releases-dir=", StringComparison.Ordinal))) args = [.. args, $"--releases-dir={SecureOta.Tests.Support.TestScratch.NewReleases()}"];
        if (!args.Any(a => a.StartsWith("--keys-dir=", StringComparison.Ordinal))) args = [.. args, $"--keys-dir={SecureOta.Tests.Support.TestScratch.NewKeys()}"];
        var consoles = new TestConsoles();
        BuildContext? context = null;
        var exitCode = new BuildHost<BuildContext>(host =>
            {
                context = new BuildContext(host);
                configure?.Invoke(context);
                return context;
            })
            .UseConsole(consoles.Output, consoles.Error)
            .UseEnvironment(TestEnvironments.Create(RepositoryRoot.FullPath, environment))
            .Run(args);
        return new PipelineRun(exitCode, consoles, context);
    }

    /// <summary>Asserts success, showing the build's output when it failed.</summary>
    public PipelineRun AssertSucceeded()
    {
        Assert.True(ExitCode == (int)BuildExitCode.Success, $"exit code {ExitCode}\n{Consoles.AllText}");
        return this;
    }

    /// <summary>
    /// Asserts exit code 1 with exactly one reported error of <paramref name="code"/> whose text holds
    /// every fragment (the file it names and the problem).
    /// </summary>
    public void AssertOneError(BuildErrorCode code, params string[] fragments)
    {
        var errors = Consoles.ErrorText;
        Assert.True(ExitCode == (int)BuildExitCode.TaskFailed, $"exit code {ExitCode}\n{Consoles.AllText}");
        var errorLines = errors.Split('\n').Where(l => l.StartsWith("error [", StringComparison.Ordinal)).ToList();
        Assert.True(errorLines.Count == 1, $"expected one error, got {errorLines.Count}:\n{errors}");
        Assert.StartsWith($"error [{code}]", errorLines[0], StringComparison.Ordinal);
        if (code == BuildErrorCode.InvalidReleases)
        {
            Assert.Contains("have 1 problem.", errorLines[0], StringComparison.Ordinal);
        }

        foreach (var fragment in fragments)
        {
            Assert.True(errors.Contains(fragment, StringComparison.Ordinal), $"the error does not mention '{fragment}':\n{errors}");
        }
    }
}
