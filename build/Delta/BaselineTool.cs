using System.Diagnostics;

namespace SecureOta.Build.Delta;

/// <summary>
/// An external delta tool the bench compares against (Debian's bsdiff, xdelta3 and zstd packages),
/// run as a process on files in a scratch folder and measured by the size of what it wrote. The settings
/// are the peers' of ../shared/firmware-pairs/README.md, so the bench's figures can be set beside that table.
/// </summary>
public sealed class BaselineTool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private readonly Func<string, string, string, IReadOnlyList<string>> _arguments;

    private BaselineTool(string label, string executable, Func<string, string, string, IReadOnlyList<string>> arguments)
    {
        Label = label;
        Executable = executable;
        _arguments = arguments;
    }

    /// <summary>How the bench names the tool and its settings.</summary>
    public string Label { get; }

    public string Executable { get; }

    /// <summary>
    /// bsdiff 4.3 (bzip2), xdelta3 -9 -S djw and zstd -19 --long --patch-from, in the bench's column order.
    /// xdelta3 runs with <c>-S djw</c> as the shared table does: its default secondary compressor makes
    /// patches 10-15 % smaller, which would not be the peer the table reports.
    /// </summary>
    public static IReadOnlyList<BaselineTool> All { get; } =
    [
        new("bsdiff", "bsdiff", (old, @new, patch) => [old, @new, patch]),
        new("xdelta3 -9 -S djw", "xdelta3", (old, @new, patch) => ["-9", "-S", "djw", "-e", "-f", "-s", old, @new, patch]),
        new("zstd -19 --long --patch-from", "zstd", (old, @new, patch) => ["-q", "-f", "-19", "--long", "--patch-from=" + old, @new, "-o", patch]),
    ];

    /// <summary>
    /// zstd -19 of the whole new image, ignoring the old one: the peer of a patch from an empty base (what a
    /// compressed full image costs), as ../shared/firmware-pairs/README.md's last column measured it.
    /// </summary>
    public static BaselineTool WholeImageZstd { get; } = new("zstd -19 (new image alone)", "zstd", (_, @new, patch) => ["-q", "-f", "-19", @new, "-o", patch]);

    /// <summary>The arguments the tool is run with to write the patch from <paramref name="old"/> to <paramref name="new"/> into <paramref name="patch"/>.</summary>
    public IReadOnlyList<string> Arguments(string old, string @new, string patch) => _arguments(old, @new, patch);

    /// <summary>The command line with placeholders, "xdelta3 -9 -S djw -e -f -s &lt;old&gt; &lt;new&gt; &lt;patch&gt;", for the report.</summary>
    public string CommandLine => Executable + " " + string.Join(' ', Arguments("<old>", "<new>", "<patch>"));

    /// <summary>The tool's full path on PATH, or null when it is not installed.</summary>
    public string? Locate()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, Executable);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>Runs the tool once on the pair, writing its patch into <paramref name="scratchFolder"/>.</summary>
    public BaselineMeasurement Measure(FirmwarePair pair, string scratchFolder)
    {
        var executable = Locate();
        if (executable is null) return BaselineMeasurement.Missing(Label, $"{Executable} is not installed (Debian package {Executable})");
        var patch = Path.Combine(scratchFolder, $"{pair.Name}.{Executable}");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in _arguments(pair.OldPath, pair.NewPath, patch)) start.ArgumentList.Add(argument);

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            return BaselineMeasurement.Missing(Label, $"{Executable} did not finish within {Timeout.TotalMinutes} minutes");
        }
        clock.Stop();
        output.Wait();
        error.Wait();
        try
        {
            if (process.ExitCode != 0 || !File.Exists(patch))
            {
                var message = error.Result.Trim();
                return BaselineMeasurement.Missing(Label, $"{Executable} exited with {process.ExitCode}{(message.Length > 0 ? ": " + message : "")}");
            }
            return new BaselineMeasurement(Label, new FileInfo(patch).Length, clock.Elapsed, null);
        }
        finally
        {
            File.Delete(patch);
        }
    }
}
