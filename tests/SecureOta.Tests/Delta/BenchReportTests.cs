using System.Globalization;
using SecureOta.Build.Delta;
using SecureOta.Build.Frosting;
using SecureOta.Tests.Build.Support;
using Xunit.Abstractions;

namespace SecureOta.Tests.Delta;

/// <summary>
/// The Bench target as a benchmark, not a timed test: it runs the peers with the settings of
/// ../shared/firmware-pairs/README.md (xdelta3 with <c>-S djw</c>, whose default secondary compression would
/// make its patches 10-15 % smaller than that table), reports medians of <c>--runs</c> runs with the ratio to
/// bsdiff taken within each run, and prints figures whichever peers the machine has (a missing one is an n/a
/// column and a note). No test here asserts a time.
/// </summary>
public sealed class BenchReportTests(ITestOutputHelper output)
{
    private static BaselineTool Tool(string executable) => BaselineTool.All.Single(t => t.Executable == executable);

    [Fact]
    public void Peers_run_with_the_shared_tables_settings()
    {
        Assert.Equal(["bsdiff", "xdelta3 -9 -S djw", "zstd -19 --long --patch-from"], BaselineTool.All.Select(t => t.Label));
        Assert.Equal(["o", "n", "p"], Tool("bsdiff").Arguments("o", "n", "p"));
        Assert.Equal(["-9", "-S", "djw", "-e", "-f", "-s", "o", "n", "p"], Tool("xdelta3").Arguments("o", "n", "p"));
        Assert.Equal(["-q", "-f", "-19", "--long", "--patch-from=o", "n", "-o", "p"], Tool("zstd").Arguments("o", "n", "p"));
    }

    [Fact]
    public void Report_lists_each_peers_command_line_and_says_which_peers_are_missing()
    {
        using var temp = PairsFolder(out _);

        var (exitCode, consoles) = BuildProgram.Run(temp.Path, "--target=Bench", "--pairs=pairs", "--runs=2");

        Assert.Equal((int)ExitCode.Success, exitCode);
        var text = consoles.OutputText;
        Assert.Contains("Peers as run (the settings of ../shared/firmware-pairs/README.md):\n" +
            "  bsdiff <old> <new> <patch>\n" +
            "  xdelta3 -9 -S djw -e -f -s <old> <new> <patch>\n" +
            "  zstd -q -f -19 --long --patch-from=<old> <new> -o <patch>\n", text, StringComparison.Ordinal);
        foreach (var tool in BaselineTool.All)
        {
            string missing = $"{tool.Label}: not measured, {tool.Executable} is not installed";
            if (tool.Locate() is null)
            {
                output.WriteLine($"{tool.Executable} is not installed here: the report must say so and show n/a (apt-get install -y {tool.Executable} to measure it).");
                Assert.Contains(missing, text, StringComparison.Ordinal);
            }
            else
            {
                Assert.DoesNotContain(missing, text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Each_pair_is_measured_the_given_number_of_runs_with_the_ratio_to_bsdiff_only_where_bsdiff_ran()
    {
        using var temp = PairsFolder(out var pair);

        var row = BenchRunner.Measure(pair, Directory.CreateDirectory(temp.Combine("scratch")).FullName, runs: 3);

        Assert.Equal(3, row.Runs);
        Assert.True(row.RoundTrip, row.Failure);
        Assert.Equal(BaselineTool.All.Select(t => t.Label), row.Baselines.Select(b => b.Tool));
        bool bsdiff = Tool("bsdiff").Locate() is not null;
        Assert.Equal(bsdiff, row.DiffTimeToBsdiff is not null);
        Assert.Equal(bsdiff, row.Bsdiff?.Size is not null);
        foreach (var baseline in row.Baselines)
        {
            Assert.Equal(baseline.Size is not null, baseline.Time is not null);
            output.WriteLine(baseline.Size is long size
                ? string.Create(CultureInfo.InvariantCulture, $"{baseline.Tool}: {size} bytes, median {baseline.Time!.Value.TotalMilliseconds:F1} ms")
                : $"{baseline.Tool}: {baseline.Problem}");
        }
    }

    [Fact]
    public void Median_ignores_one_slow_run_and_takes_the_middle_two_of_an_even_count()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(10), Median.Of(new[] { 10, 900, 9, 11, 10 }.Select(ms => TimeSpan.FromMilliseconds(ms))));
        Assert.Equal(1.5, Median.Of(new[] { 2.0, 1.0, 100.0, 0.5 }) is double even ? even : double.NaN, 6);
        Assert.Null(Median.Of(Array.Empty<double>()));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("five")]
    public void Runs_that_is_not_a_positive_count_is_a_command_line_error(string runs)
    {
        using var temp = PairsFolder(out _);

        var (exitCode, consoles) = BuildProgram.Run(temp.Path, "--target=Bench", "--pairs=pairs", $"--runs={runs}");

        Assert.Equal((int)ExitCode.InvalidCommandLine, exitCode);
        Assert.Contains($"--runs={runs} is not a number of runs from 1 to 100", consoles.ErrorText, StringComparison.Ordinal);
    }

    /// <summary>
    /// xdelta3 as the bench runs it reproduces the shared table's figure for idf-hello-esp32 (47,431 bytes with
    /// -S djw), where the shared pairs and xdelta3 are present; its default secondary compression would not.
    /// </summary>
    [Fact]
    public void Xdelta3_as_run_reproduces_the_shared_tables_figure()
    {
        var folder = RepositoryRoot.Shared is { } shared ? Path.Combine(shared, "firmware-pairs") : null;
        if (folder is null || !Directory.Exists(Path.Combine(folder, "idf-hello-esp32")) || Tool("xdelta3").Locate() is null)
        {
            output.WriteLine("../shared/firmware-pairs/idf-hello-esp32 or xdelta3 is missing here; the figure is checked only where both exist.");
            return;
        }
        var pair = FirmwarePairCatalog.Load(folder, new List<string>()).Single(p => p.Name == "idf-hello-esp32");
        using var scratch = new TempDirectory();

        var measured = Tool("xdelta3").Measure(pair, scratch.Path);

        Assert.Equal(47_431, measured.Size);
    }

    private static TempDirectory PairsFolder(out FirmwarePair pair)
    {
        var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("SecureOta.slnx"), "<Solution />");
        var folder = Directory.CreateDirectory(temp.Combine("pairs", "demo")).FullName;
        File.WriteAllBytes(Path.Combine(folder, "v1.bin"), TestImages.FirmwareLike(20_000, 61));
        File.WriteAllBytes(Path.Combine(folder, "v2.bin"), TestImages.FirmwareLike(20_000, 61, insertAt: 9_000, insertWords: 64));
        pair = new FirmwarePair("demo", Path.Combine(folder, "v1.bin"), Path.Combine(folder, "v2.bin"));
        return temp;
    }
}
