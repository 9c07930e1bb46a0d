using System.Diagnostics;
using SecureOta.Build.Frosting;
using Spectre.Console;
using SecureOta.Tests.Build.Support;
using SecureOta.Tests.Fleet.Support;

namespace SecureOta.Tests.Build.Frosting;

/// <summary>
/// What the build prints around a failure and on a terminal: a missing native library is something to
/// install (exit 1), not a bug; no false "misspelt?" warnings after a failure; NO_COLOR honoured.
/// </summary>
public sealed class BuildHostOutputTests
{
    [Fact]
    public void A_missing_native_library_exits_1_and_says_what_to_install()
    {
        var run = HostRun.Execute([typeof(MissingLibraryTask)], "--target=MissingLibrary");

        Assert.Equal((int)ExitCode.TaskFailed, run.ExitCode);
        Assert.Contains("error [MissingPrerequisite]: A native library the build needs could not be loaded", run.Consoles.ErrorText, StringComparison.Ordinal);
        Assert.Contains("Unable to load shared library 'libsodium'", run.Consoles.ErrorText, StringComparison.Ordinal);
        Assert.Contains("What to do: Install libsodium for this system", run.Consoles.ErrorText, StringComparison.Ordinal);
        Assert.Contains("sudo apt-get install libsodium-dev", run.Consoles.ErrorText, StringComparison.Ordinal);
        Assert.DoesNotContain("Unexpected error", run.Consoles.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_build_does_not_warn_about_arguments_its_later_tasks_never_read()
    {
        var run = HostRun.Execute([typeof(MissingLibraryTask)], "--target=MissingLibrary", "--channel=stable");

        Assert.Equal((int)ExitCode.TaskFailed, run.ExitCode);
        Assert.DoesNotContain("was not used", run.Consoles.AllText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void NO_COLOR_counts_when_set_and_not_empty(string? value, bool expected)
    {
        var variables = value is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["NO_COLOR"] = value };

        Assert.Equal(expected, BuildConsoles.NoColor(TestEnvironments.Create(Path.GetTempPath(), variables)));
    }

    [Fact]
    public void A_NO_COLOR_console_writes_markup_as_plain_text()
    {
        var writer = new StringWriter();
        var console = BuildConsoles.Create(writer, redirected: false, noColor: true);

        console.MarkupLine("[bold red]error[/] and [underline green]fine[/]");

        Assert.Equal("error and fine", writer.ToString().TrimEnd());
    }

    [Fact]
    public void On_a_terminal_the_build_prints_ansi_sequences_unless_NO_COLOR_is_set()
    {
        // A real terminal, as a person runs ./build.sh: script(1) gives the program a pseudo-terminal.
        // script(1)'s options differ on macOS and it does not exist on Windows: there the console
        // factory's test above is what checks NO_COLOR.
        if (!OperatingSystem.IsLinux()) return;
        CommandLineTools.Require(nameof(On_a_terminal_the_build_prints_ansi_sequences_unless_NO_COLOR_is_set), "script");
        var repository = Directory.CreateTempSubdirectory("secureota-nocolor-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(repository, "SecureOta.slnx"), "<Solution />");

            var coloured = OnTerminal(repository, noColor: false);
            var plain = OnTerminal(repository, noColor: true);

            Assert.Contains("\u001b[1m", coloured, StringComparison.Ordinal);
            Assert.Contains("Nothing to clean", plain, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\u001b\[[0-9;]*m", plain);
        }
        finally
        {
            Directory.Delete(repository, recursive: true);
        }
    }

    private static string OnTerminal(string repository, bool noColor)
    {
        var build = Path.Combine(AppContext.BaseDirectory, "SecureOta.Build.dll");
        var command = $"dotnet '{build}' --target=Clean";
        var start = new ProcessStartInfo("script", ["-qec", command, "/dev/null"])
        {
            WorkingDirectory = repository,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.Environment.Remove("NO_COLOR");
        start.Environment["TERM"] = "xterm-256color";
        if (noColor) start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "the build did not finish within a minute");
        Assert.True(process.ExitCode == 0, output.Result + error.Result);
        return output.Result;
    }

    [TaskName("MissingLibrary")]
    public sealed class MissingLibraryTask : FrostingTask<RecordingContext>
    {
        // As the runtime reports libsodium missing from inside a crypto type's static initializer.
        public override void Run(RecordingContext context) =>
            throw new TypeInitializationException("Interop+Libsodium",
                new DllNotFoundException("Unable to load shared library 'libsodium' or one of its dependencies."));
    }
}
