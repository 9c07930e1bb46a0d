using System.Globalization;
using Spectre.Console;

namespace SecureOta.Build.Frosting;

/// <summary>Prints the table of tasks, outcomes and durations at the end of a run.</summary>
internal static class RunSummaryPrinter
{
    public static void Print(IAnsiConsole console, RunReport report)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("Task")
            .AddColumn("Outcome")
            .AddColumn(new TableColumn("Duration").RightAligned());
        foreach (var record in report.Records)
        {
            table.AddRow(
                new Text(record.Name),
                new Text(Describe(record.Outcome), StyleFor(record.Outcome)),
                new Text(Format(record.Duration)));
        }

        var total = report.Records.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Duration);
        table.AddEmptyRow();
        table.AddRow(new Text("Total"), new Text(string.Empty), new Text(Format(total)));
        console.Write(table);
    }

    private static string Describe(TaskOutcome outcome) => outcome switch
    {
        TaskOutcome.Succeeded => "succeeded",
        TaskOutcome.Skipped => "skipped",
        TaskOutcome.Failed => "FAILED",
        TaskOutcome.ErrorHandled => "failed, handled",
        TaskOutcome.NotRun => "not run",
        _ => outcome.ToString(),
    };

    private static Style StyleFor(TaskOutcome outcome) => outcome switch
    {
        TaskOutcome.Succeeded => new Style(Color.Green),
        TaskOutcome.Failed => new Style(Color.Red),
        TaskOutcome.ErrorHandled => new Style(Color.Yellow),
        _ => new Style(Color.Grey),
    };

    private static string Format(TimeSpan duration) =>
        duration.ToString(@"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);
}
