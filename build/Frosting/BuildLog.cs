using System.Globalization;
using Spectre.Console;

namespace SecureOta.Build.Frosting;

/// <summary>
/// The build's log, shaped like Cake's <c>context.Log</c>: Error, Warning, Information, Verbose and
/// Debug, each written only when <see cref="Verbosity"/> is high enough. Errors go to the error
/// console (stderr), the rest to the output console. Safe to call from several threads.
/// </summary>
public sealed class BuildLog
{
    private readonly IAnsiConsole _output;
    private readonly IAnsiConsole _error;
    private readonly Lock _writeLock = new();

    public BuildLog(IAnsiConsole output, IAnsiConsole error, Verbosity verbosity)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        _output = output;
        _error = error;
        Verbosity = verbosity;
    }

    public Verbosity Verbosity { get; }

    /// <summary>
    /// The output console, for live displays such as progress bars (build/Fleet/FleetProgress.cs), which
    /// are shown only when <see cref="LogLevel.Information"/> is enabled. Everything else goes through
    /// the log methods.
    /// </summary>
    internal IAnsiConsole Output => _output;

    /// <summary>The minimum verbosity at which messages of <paramref name="level"/> are written.</summary>
    public static Verbosity MinimumVerbosity(LogLevel level) => level switch
    {
        LogLevel.Error => Verbosity.Quiet,
        LogLevel.Warning => Verbosity.Minimal,
        LogLevel.Information => Verbosity.Normal,
        LogLevel.Verbose => Verbosity.Verbose,
        LogLevel.Debug => Verbosity.Diagnostic,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown log level."),
    };

    public bool IsEnabled(LogLevel level) => Verbosity >= MinimumVerbosity(level);

    /// <summary>
    /// Writes a message. With no <paramref name="args"/> the text is written as is (braces need no
    /// escaping); with args it is a composite format string, formatted with the invariant culture.
    /// </summary>
    public void Write(LogLevel level, string format, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (!IsEnabled(level))
        {
            return;
        }

        var text = args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
        var (console, style) = level switch
        {
            LogLevel.Error => (_error, new Style(Color.Red)),
            LogLevel.Warning => (_output, new Style(Color.Yellow)),
            LogLevel.Information => (_output, Style.Plain),
            LogLevel.Verbose => (_output, new Style(Color.Grey)),
            _ => (_output, new Style(Color.Grey, decoration: Decoration.Dim)),
        };

        lock (_writeLock)
        {
            // Text (not markup) so that brackets in paths and messages are printed literally.
            console.Write(new Text(text + "\n", style));
        }
    }

    public void Error(string format, params object?[] args) => Write(LogLevel.Error, format, args);

    public void Warning(string format, params object?[] args) => Write(LogLevel.Warning, format, args);

    public void Information(string format, params object?[] args) => Write(LogLevel.Information, format, args);

    public void Verbose(string format, params object?[] args) => Write(LogLevel.Verbose, format, args);

    public void Debug(string format, params object?[] args) => Write(LogLevel.Debug, format, args);
}
