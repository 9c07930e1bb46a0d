using SecureOta.Build.Frosting;
using Spectre.Console;

namespace SecureOta.Build.Fleet;

/// <summary>
/// Renders a Spectre.Console table to plain text, so that the fleet targets' summaries go through the
/// build log (and follow --verbosity) and read the same in a terminal and in a CI log.
/// </summary>
public static class SummaryTable
{
    private const int Width = 160;

    /// <summary>A table with a simple border and the given columns (a column starting with '>' is right-aligned).</summary>
    public static Table Create(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in columns)
        {
            table.AddColumn(column.StartsWith('>') ? new TableColumn(column[1..]).RightAligned() : new TableColumn(column));
        }

        return table;
    }

    /// <summary>Adds a row of plain text cells (brackets are not markup).</summary>
    public static Table Row(this Table table, params string[] cells)
    {
        table.AddRow(cells.Select(c => new Text(c)).ToArray());
        return table;
    }

    public static string Render(Table table) => PlainTextTable.Render(table, Width).TrimEnd('\n');
}
