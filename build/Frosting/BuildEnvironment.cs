using System.Collections;

namespace SecureOta.Build.Frosting;

/// <summary>
/// A snapshot of the process environment the build reads: working directory, the program's own
/// directory, environment variables and the clock. Tests construct one with fixed values.
/// </summary>
public sealed class BuildEnvironment
{
    private readonly Dictionary<string, string> _variables;

    public BuildEnvironment(
        string workingDirectory,
        string applicationDirectory,
        IReadOnlyDictionary<string, string> variables,
        TimeProvider clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workingDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationDirectory);
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(clock);
        WorkingDirectory = Path.GetFullPath(workingDirectory);
        ApplicationDirectory = Path.GetFullPath(applicationDirectory);
        _variables = new Dictionary<string, string>(variables, StringComparer.Ordinal);
        Clock = clock;
    }

    public string WorkingDirectory { get; }

    /// <summary>Where the build program's assembly lives; a fallback starting point for finding the repository.</summary>
    public string ApplicationDirectory { get; }

    public TimeProvider Clock { get; }

    public static BuildEnvironment FromProcess()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                variables[key] = value;
            }
        }

        return new BuildEnvironment(
            System.Environment.CurrentDirectory,
            AppContext.BaseDirectory,
            variables,
            TimeProvider.System);
    }

    /// <summary>The variable's value, or null when it is not set.</summary>
    public string? GetEnvironmentVariable(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return _variables.TryGetValue(name, out var value) ? value : null;
    }
}
