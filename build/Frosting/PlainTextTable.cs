using System.Globalization;
using Spectre.Console;

namespace SecureOta.Build.Frosting;

/// <summary>
/// Renders a Spectre.Console table to plain text (no colour, no ANSI codes) at a fixed width, so
/// summaries go through the build log, follow --verbosity, and read the same in a terminal and a CI log.
/// </summary>
public static class PlainTextTable
{
    public static string Render(Table table, int width)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 20);
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        console.Write(table);
        return writer.ToString();
    }
}
