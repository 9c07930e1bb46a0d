namespace SecureOta.Build.Frosting;

/// <summary>Severity of a log message; each level is shown from a minimum <see cref="Verbosity"/>.</summary>
public enum LogLevel
{
    /// <summary>Always shown, even with <c>--verbosity=quiet</c>.</summary>
    Error,

    /// <summary>Shown from <see cref="Verbosity.Minimal"/>.</summary>
    Warning,

    /// <summary>Shown from <see cref="Verbosity.Normal"/> (the default).</summary>
    Information,

    /// <summary>Shown from <see cref="Verbosity.Verbose"/>.</summary>
    Verbose,

    /// <summary>Shown only at <see cref="Verbosity.Diagnostic"/>.</summary>
    Debug,
}
