using System.Globalization;
using System.Text;
using System.Text.Json;
using SecureOta.Build.Frosting;
using Spectre.Console;

namespace SecureOta.Build.DeviceCost;

/// <summary>
/// The DeviceCost table for the build log and the same figures as JSON, with the ESP32 time estimate
/// and the assumptions behind it.
/// </summary>
public static class DeviceCostReport
{
    /// <summary>Clock of the ESP32 the estimate is for.</summary>
    public const double ClockHz = 240e6;

    /// <summary>Interpreter cost per IL instruction, low and high published estimates (cycles).</summary>
    public const int FastCyclesPerInstruction = 40;
    public const int SlowCyclesPerInstruction = 300;

    private const int Width = 170;

    public static readonly string Assumptions =
        $"ESP32 estimate: IL instructions x {FastCyclesPerInstruction} or x {SlowCyclesPerInstruction} cycles at {ClockHz / 1e6:F0} MHz " +
        "(published interpreter costs for MCUs of this class). Counted: every IL instruction, call (call, callvirt, newobj) and " +
        "allocation (newobj of a class, newarr, box) executed inside the device core. Not counted: the work of native calls (HMAC, " +
        "AES, Array.Copy, flash and network I/O run at C speed on the device) and allocations made inside framework methods; " +
        "calls and allocations cost several instructions' time each on the interpreter, so the estimate is a floor for call-heavy steps.";

    public static double Seconds(long instructions, int cyclesPerInstruction) => instructions * (double)cyclesPerInstruction / ClockHz;

    /// <summary>The table, the assumptions and notes; with <paramref name="profileMethods"/> above 0, each profiled step's top methods.</summary>
    public static string Render(IReadOnlyList<DeviceCostStep> steps, IReadOnlyList<string> notes, int profileMethods = 0)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(notes);
        var table = new Table().Border(TableBorder.Simple).AddColumn("Step")
            .AddColumn(Right("IL instructions")).AddColumn(Right("Calls")).AddColumn(Right("Allocations"))
            .AddColumn(Right("IL/output byte")).AddColumn(Right($"ESP32 @{FastCyclesPerInstruction} cyc/IL"))
            .AddColumn(Right($"ESP32 @{SlowCyclesPerInstruction} cyc/IL"));
        foreach (var step in steps)
        {
            table.AddRow(
                new Text(step.Name), new Text(Count(step.Instructions)), new Text(Count(step.Calls)), new Text(Count(step.Allocations)),
                new Text(step.InstructionsPerOutputByte?.ToString("F2", CultureInfo.InvariantCulture) ?? "-"),
                new Text(Time(Seconds(step.Instructions, FastCyclesPerInstruction))),
                new Text(Time(Seconds(step.Instructions, SlowCyclesPerInstruction))));
        }
        var text = new StringBuilder("Device core cost per step (IL instructions executed by the interpreted core; deterministic).\n");
        text.Append(PlainTextTable.Render(table, Width));
        text.Append(Assumptions).Append('\n');
        foreach (var step in steps) text.Append("  ").Append(step.Name).Append(": ").Append(step.Note).Append('\n');
        foreach (var note in notes) text.Append(note).Append('\n');
        if (profileMethods > 0) AppendProfiles(text, steps, profileMethods);
        return text.ToString();
    }

    /// <summary>The figures as indented JSON: the assumptions, then one object per step.</summary>
    public static string ToJson(IReadOnlyList<DeviceCostStep> steps, IReadOnlyList<string> notes)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var document = new
        {
            assumptions = new
            {
                clockHz = ClockHz,
                cyclesPerInstruction = new[] { FastCyclesPerInstruction, SlowCyclesPerInstruction },
                text = Assumptions,
            },
            notes,
            steps = steps.Select(s => new
            {
                name = s.Name,
                ilInstructions = s.Instructions,
                calls = s.Calls,
                allocations = s.Allocations,
                outputBytes = s.OutputBytes,
                ilPerOutputByte = s.InstructionsPerOutputByte,
                esp32SecondsAt40 = Seconds(s.Instructions, FastCyclesPerInstruction),
                esp32SecondsAt300 = Seconds(s.Instructions, SlowCyclesPerInstruction),
                note = s.Note,
            }),
        };
        return JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true });
    }

    // Per step, the methods that executed the most instructions (their own bodies), with their share of the step.
    private static void AppendProfiles(StringBuilder text, IReadOnlyList<DeviceCostStep> steps, int top)
    {
        foreach (var step in steps.Where(s => s.Methods is { Count: > 0 }))
        {
            text.Append("Profile: ").Append(step.Name).Append(" (").Append(Count(step.Instructions)).Append(" IL), top ").Append(top).Append(" methods\n");
            foreach (var method in step.Methods!.Take(top))
            {
                double share = step.Instructions > 0 ? 100.0 * method.Instructions / step.Instructions : 0;
                text.Append("  ").Append(method.Method.PadRight(60)).Append(Count(method.Instructions).PadLeft(14))
                    .Append(share.ToString("F1", CultureInfo.InvariantCulture).PadLeft(7)).Append(" %\n");
            }
        }
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Time(double seconds) => seconds >= 1
        ? seconds.ToString("F2", CultureInfo.InvariantCulture) + " s"
        : (seconds * 1000).ToString("F1", CultureInfo.InvariantCulture) + " ms";

    private static TableColumn Right(string header) => new TableColumn(header).RightAligned();
}
