namespace SecureOta.Build.Context;

/// <summary>Where <see cref="BuildContext.Now"/> came from.</summary>
public enum BuildTimeSource
{
    /// <summary><c>--now=&lt;unix seconds | ISO-8601&gt;</c>.</summary>
    Argument,

    /// <summary>The SOURCE_DATE_EPOCH environment variable (reproducible-builds.org).</summary>
    SourceDateEpoch,

    /// <summary>The system clock: nothing pinned the time, so the output depends on when it ran.</summary>
    Clock,
}
