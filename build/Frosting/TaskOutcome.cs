namespace SecureOta.Build.Frosting;

/// <summary>How a planned task ended.</summary>
internal enum TaskOutcome
{
    Succeeded,

    /// <summary>ShouldRun returned false.</summary>
    Skipped,

    Failed,

    /// <summary>Run failed and the task's OnError override handled it, so the build went on.</summary>
    ErrorHandled,

    /// <summary>Not reached because an earlier task failed.</summary>
    NotRun,
}
