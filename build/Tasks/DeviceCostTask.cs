using SecureOta.Build.Context;
using SecureOta.Build.DeviceCost;
using SecureOta.Build.Frosting;

namespace SecureOta.Build.Tasks;

/// <summary>
/// Counts what the device core executes for each step of an update on the ESP32's interpreter: IL
/// instructions, calls and allocations, from a copy of the core rewritten to count them (see
/// <see cref="IlCostInstrumenter"/>), and estimates the time. A benchmark, not a timed test: the
/// counts are deterministic, so they can be compared between commits.
/// </summary>
[TaskName("DeviceCost")]
[TaskDescription("Counts the IL instructions, calls and allocations of the device core per update step (Ed25519, X25519, record reader, key unwrap, full and delta update of ../shared/firmware-pairs/marauder-esp32, the delta patch alone also on idf-hello-esp32 and micropython-esp8266) and estimates ESP32 time; --json=<file> writes the figures; --profile[=<n>] also prints each step's top n methods (10) by IL executed.")]
public sealed class DeviceCostTask : FrostingTask<BuildContext>
{
    private const string PairName = "marauder-esp32";
    private const string OldImage = "v0.9.12.bin";
    private const string NewImage = "v0.9.13.bin";

    /// <summary>Methods listed per step by a bare --profile.</summary>
    private const int DefaultProfileMethods = 10;

    public override void Run(BuildContext context)
    {
        var notes = new List<string>();
        var jsonPath = context.GetArgument("json");
        if (context.HasArgument("json") && string.IsNullOrWhiteSpace(jsonPath))
            throw new BuildException(BuildErrorCode.InvalidArgument, "--json needs a file name.", "Give --json=<file>.");
        int profileMethods = ProfileMethods(context);

        var (name, oldImage, newImage) = LoadPair(context, notes);
        context.Log.Verbose("Preparing the DeviceCost inputs (signatures, artifacts, the delta patch of {0})", name);
        var inputs = DeviceCostInputs.Create(name, oldImage, newImage);
        foreach (var (otherName, otherOld, otherNew) in OtherPairs(context)) DeviceCostInputs.AddPatchPair(inputs, otherName, otherOld, otherNew);
        var steps = DeviceCostBenchmark.Run(inputs, profileMethods > 0);
        context.Log.Information(DeviceCostReport.Render(steps, notes, profileMethods));

        if (jsonPath is not null)
        {
            var path = Path.GetFullPath(jsonPath, context.Environment.WorkingDirectory);
            try
            {
                File.WriteAllText(path, DeviceCostReport.ToJson(steps, notes));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new BuildException(BuildErrorCode.FileSystem, $"--json={jsonPath} could not be written: {e.Message}", "Check the folder and its permissions.", e);
            }
            context.Log.Information("Wrote {0}", path);
        }
    }

    /// <summary>0 without --profile; the methods to list per step with it (--profile alone: 10).</summary>
    private static int ProfileMethods(BuildContext context)
    {
        if (!context.HasArgument("profile")) return 0;
        var value = context.GetArgument("profile");
        if (string.IsNullOrEmpty(value) || value.Equals("true", StringComparison.OrdinalIgnoreCase)) return DefaultProfileMethods;
        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var methods) && methods is > 0 and <= 1000)
            return methods;
        throw new BuildException(BuildErrorCode.InvalidArgument, $"--profile={value} is not a number of methods.", "Give --profile or --profile=<n> with n from 1 to 1000.");
    }

    /// <summary>The other shared pairs, whose patches the delta apply step also measures (absent ones are skipped).</summary>
    private static IEnumerable<(string Name, byte[] Old, byte[] New)> OtherPairs(BuildContext context)
    {
        var pairs = new[] { ("idf-hello-esp32", "v1.bin", "v2.bin"), ("micropython-esp8266", "v1.9.4.bin", "v1.10.bin") };
        foreach (var (pair, oldName, newName) in pairs)
        {
            var folder = Path.GetFullPath(Path.Combine(context.Paths.RootDir, "..", "shared", "firmware-pairs", pair));
            var oldPath = Path.Combine(folder, oldName);
            var newPath = Path.Combine(folder, newName);
            if (!File.Exists(oldPath) || !File.Exists(newPath)) continue;
            yield return ($"{pair} {Path.GetFileNameWithoutExtension(oldName)} -> {Path.GetFileNameWithoutExtension(newName)}", File.ReadAllBytes(oldPath), File.ReadAllBytes(newPath));
        }
    }

    private static (string Name, byte[] Old, byte[] New) LoadPair(BuildContext context, List<string> notes)
    {
        var folder = Path.GetFullPath(Path.Combine(context.Paths.RootDir, "..", "shared", "firmware-pairs", PairName));
        var oldPath = Path.Combine(folder, OldImage);
        var newPath = Path.Combine(folder, NewImage);
        if (File.Exists(oldPath) && File.Exists(newPath))
            return ($"{PairName} {Path.GetFileNameWithoutExtension(OldImage)} -> {Path.GetFileNameWithoutExtension(NewImage)}", File.ReadAllBytes(oldPath), File.ReadAllBytes(newPath));

        notes.Add($"{folder} is absent: the full and delta steps use a SYNTHETIC pair (256 KiB pseudo-random image, 300 edits and a 2,000-byte insertion), not the marauder firmware.");
        var (old, updated) = DeviceCostInputs.SyntheticPair();
        return ("synthetic pair", old, updated);
    }
}
