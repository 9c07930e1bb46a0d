namespace SecureOta.Build.Frosting;

/// <summary>
/// What kind of failure a <see cref="BuildException"/> reports. Tasks add their own values here;
/// the first four are command-line errors and make the process exit with
/// <see cref="ExitCode.InvalidCommandLine"/>, every other value with <see cref="ExitCode.TaskFailed"/>.
/// </summary>
public enum BuildErrorCode
{
    /// <summary>A <c>--name=value</c> argument is malformed or out of range.</summary>
    InvalidArgument,

    /// <summary><c>--target</c> names no task.</summary>
    UnknownTarget,

    /// <summary>No repository root was found (no SecureOta.slnx above the working directory) or <c>--root</c> is wrong.</summary>
    RepositoryNotFound,

    /// <summary>An environment variable the build reads (such as SOURCE_DATE_EPOCH) is malformed.</summary>
    InvalidEnvironmentVariable,

    /// <summary>The maintainers' input under <c>releases/</c> is invalid; the exception lists every problem.</summary>
    InvalidReleases,

    /// <summary>A release image changed on disk after the releases were loaded and validated.</summary>
    ReleaseImageChanged,

    /// <summary>A file or directory the build owns could not be read, written or deleted.</summary>
    FileSystem,
}
