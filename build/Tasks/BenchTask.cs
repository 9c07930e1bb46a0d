using SecureOta.Build.Context;
using SecureOta.Build.Delta;
using SecureOta.Build.Frosting;

namespace SecureOta.Build.Tasks;

/// <summary>
/// Measures delta patches on real firmware pairs against bsdiff, xdelta3 -9 -S djw and zstd --patch-from
/// (the peers of ../shared/firmware-pairs/README.md, run as that table ran them), and prints the tables:
/// sizes (also as shipped) with their ratio to bsdiff, diff times as medians of <c>--runs=&lt;n&gt;</c> runs
/// (default 5) with the ratio to bsdiff taken within each run, the patcher's RAM and per-byte work. A
/// benchmark, not a test: it prints figures and fails only when the device patcher does not rebuild a new
/// image byte for byte. Besides the pairs it measures each pair's new image patched from an empty base
/// (against zstd -19 of the whole image) and a generated pair whose new image ends in a 4 MiB fill (against
/// bsdiff). Pairs come from ../shared/firmware-pairs/ next to the repository and from every
/// <c>--pairs=&lt;dir&gt;</c>. A missing peer tool is a note and an n/a column, not a failure.
/// </summary>
[TaskName("Bench")]
[TaskDescription("Benchmarks delta patches on ../shared/firmware-pairs/ and every --pairs=<dir> (<name>/<old> and <name>/<new>, ordered by pair.json or file name) against bsdiff, xdelta3 -9 -S djw and zstd --patch-from; times are medians of --runs=<n> (default 5).")]
public sealed class BenchTask : FrostingTask<BuildContext>
{
    public const string RunsArgument = "runs";

    public override void Run(BuildContext context)
    {
        int runs = Runs(context);
        var notes = new List<string>();
        var pairs = new List<FirmwarePair>();
        foreach (var folder in PairFolders(context))
        {
            var skipped = new List<string>();
            pairs.AddRange(FirmwarePairCatalog.Load(folder, skipped));
            notes.AddRange(skipped.Select(s => $"Skipped {Path.Combine(folder, s)}"));
        }
        if (pairs.Count == 0)
        {
            throw new BuildException(BuildErrorCode.InvalidArgument, "There are no firmware pairs to benchmark.",
                "Give --pairs=<dir> holding <name>/<old image> and <name>/<new image>, or place the shared firmware-pairs folder next to the repository.");
        }

        foreach (var tool in BaselineTool.All.Where(t => t.Locate() is null))
        {
            notes.Add($"{tool.Label}: not measured, {tool.Executable} is not installed (apt-get install {tool.Executable}).");
        }

        var scratch = Directory.CreateTempSubdirectory("secureota-bench-");
        try
        {
            BenchRunner.WarmUp();
            var rows = new List<BenchRow>();
            foreach (var pair in pairs)
            {
                context.Log.Verbose("Measuring {0}", pair.Name);
                rows.Add(BenchRunner.Measure(pair, scratch.FullName, runs));
            }
            var cases = pairs.Select(pair => BenchCaseRunner.FromEmptyBase(pair, scratch.FullName, runs)).ToList();
            cases.Add(BenchCaseRunner.FillPair(scratch.FullName, runs));
            notes.AddRange(rows.SelectMany(r => r.Baselines).Where(b => b.Problem is not null && b.Size is null)
                .Select(b => $"{b.Tool}: {b.Problem}").Distinct());
            notes.AddRange(cases.Where(c => c.PeerSize is null && c.PeerProblem is not null).Select(c => $"{c.Peer}: {c.PeerProblem}").Distinct());
            context.Log.Information(BenchTablePrinter.Render(rows, notes, cases));

            var failed = rows.Where(r => !r.RoundTrip).ToList();
            var failedCases = cases.Where(c => !c.RoundTrip).ToList();
            if (failedCases.Count > 0)
            {
                throw new BuildException(BuildErrorCode.DeltaPatchFailed,
                    $"The device patcher did not rebuild the new image of: " + string.Join("; ", failedCases.Select(c => c.Name)),
                    "This is a defect of the diff or the patcher; report it with the case.");
            }
            if (failed.Count > 0)
            {
                throw new BuildException(BuildErrorCode.DeltaPatchFailed,
                    $"The device patcher did not rebuild {failed.Count} new image(s): " + string.Join("; ", failed.Select(r => $"{r.Pair.Name}: {r.Failure}")),
                    "This is a defect of the diff or the patcher; report it with the pair.");
            }
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static int Runs(BuildContext context)
    {
        var value = context.GetArgument(RunsArgument);
        if (value is null) return BenchRunner.DefaultRuns;
        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int runs) && runs is >= 1 and <= 100) return runs;
        throw new BuildException(BuildErrorCode.InvalidArgument, $"--runs={value} is not a number of runs from 1 to 100.",
            $"Give --runs=<n>, e.g. --runs={BenchRunner.DefaultRuns} (the default): times are the median of n runs.");
    }

    private static IEnumerable<string> PairFolders(BuildContext context)
    {
        var shared = Path.GetFullPath(Path.Combine(context.Paths.RootDir, "..", "shared", "firmware-pairs"));
        if (Directory.Exists(shared)) yield return shared;
        else context.Log.Information("No shared firmware pairs at {0}; benchmarking only --pairs folders.", shared);
        foreach (var folder in context.GetArguments("pairs"))
        {
            var path = Path.GetFullPath(folder, context.Environment.WorkingDirectory);
            if (!Directory.Exists(path))
                throw new BuildException(BuildErrorCode.InvalidArgument, $"--pairs={folder} is not a folder.", "Give a folder holding one subfolder per firmware pair.");
            yield return path;
        }
    }
}
