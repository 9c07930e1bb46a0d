using Spectre.Console;

namespace SecureOta.Build.Frosting;

/// <summary>
/// The consoles the build writes to. <c>NO_COLOR</c> (no-color.org: set and not empty) turns off every
/// ANSI sequence, colour and also bold or underline, which Spectre's own NO_COLOR handling still
/// writes; the output is then the same plain text a log file gets.
/// </summary>
public static class BuildConsoles
{
    public const string NoColorVariable = "NO_COLOR";

    public static bool NoColor(BuildEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return !string.IsNullOrEmpty(environment.GetEnvironmentVariable(NoColorVariable));
    }

    public static IAnsiConsole Create(TextWriter writer, bool redirected, bool noColor)
    {
        var settings = new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) };
        if (noColor)
        {
            settings.Ansi = AnsiSupport.No;
            settings.ColorSystem = ColorSystemSupport.NoColors;
        }

        var console = AnsiConsole.Create(settings);
        if (redirected)
        {
            // CI logs have no width; Spectre's default of 80 columns would wrap log lines mid-word.
            console.Profile.Width = 200;
        }

        return console;
    }
}
