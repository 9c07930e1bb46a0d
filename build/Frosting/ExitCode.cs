namespace SecureOta.Build.Frosting;

/// <summary>The build program's documented process exit codes.</summary>
public enum ExitCode
{
    /// <summary>Every task that ran succeeded (or <c>--help</c>, <c>--tree</c>, <c>--dryrun</c>).</summary>
    Success = 0,

    /// <summary>A task failed with a <see cref="BuildException"/>: the inputs or environment need fixing.</summary>
    TaskFailed = 1,

    /// <summary>
    /// The command line (or an environment variable standing in for it) is wrong: unknown target,
    /// unknown verbosity, a malformed value, a missing repository root.
    /// </summary>
    InvalidCommandLine = 2,

    /// <summary>
    /// Anything else: an unexpected exception or a defect in the build program itself, such as a
    /// dependency cycle between tasks. The stack trace is printed at <c>--verbosity=verbose</c> and above.
    /// </summary>
    UnexpectedError = 3,
}
