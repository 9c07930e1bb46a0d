namespace SecureOta.Build.Frosting;

/// <summary>The options the host itself reads from the command line; everything else belongs to tasks.</summary>
internal sealed record HostOptions(
    string Target,
    bool TargetGiven,
    Verbosity Verbosity,
    bool ShowHelp,
    bool ShowTree,
    bool DryRun,
    bool Exclusive)
{
    public const string DefaultTarget = "Default";

    private static readonly (string Name, string Abbreviation, Verbosity Value)[] VerbosityNames =
    [
        ("quiet", "q", Verbosity.Quiet),
        ("minimal", "m", Verbosity.Minimal),
        ("normal", "n", Verbosity.Normal),
        ("verbose", "v", Verbosity.Verbose),
        ("diagnostic", "diag", Verbosity.Diagnostic),
    ];

    public static HostOptions From(BuildArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var target = arguments.GetArgument("target");
        if (target is not null && string.IsNullOrWhiteSpace(target))
        {
            throw new BuildException(
                BuildErrorCode.InvalidArgument,
                "--target is empty.",
                "Give a task name, for example --target=Default; --help lists them.");
        }

        var verbosity = arguments.GetArgument("verbosity");
        return new HostOptions(
            target ?? DefaultTarget,
            target is not null,
            verbosity is null ? Verbosity.Normal : ParseVerbosity(verbosity),
            arguments.GetFlag("help") || arguments.GetFlag("description"),
            arguments.GetFlag("tree"),
            arguments.GetFlag("dryrun"),
            arguments.GetFlag("exclusive"));
    }

    /// <summary>Cake's verbosity names, case-insensitive, with their usual abbreviations.</summary>
    public static Verbosity ParseVerbosity(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        foreach (var (name, abbreviation, level) in VerbosityNames)
        {
            if (value.Equals(name, StringComparison.OrdinalIgnoreCase)
                || value.Equals(abbreviation, StringComparison.OrdinalIgnoreCase))
            {
                return level;
            }
        }

        throw new BuildException(
            BuildErrorCode.InvalidArgument,
            $"Unknown verbosity '{value}'.",
            $"Use one of {string.Join(", ", VerbosityNames.Select(v => v.Name))} (or {string.Join(", ", VerbosityNames.Select(v => v.Abbreviation))}).");
    }
}
