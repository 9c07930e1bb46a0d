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

    /// <summary>A build with real keys found the demo's generated sample releases among the releases it would publish.</summary>
    SampleReleaseRefused,

    /// <summary>A release image changed on disk after the releases were loaded and validated.</summary>
    ReleaseImageChanged,

    /// <summary>A file or directory the build owns could not be read, written or deleted.</summary>
    FileSystem,

    /// <summary>A key the build needs (release signing key, root key, recipient key) is missing.</summary>
    MissingKey,

    /// <summary>A key file or key value is malformed, has the wrong size, or is not the kind expected.</summary>
    InvalidKey,

    /// <summary>The root metadata under <c>keys/root/</c> is missing, broken, expired or does not chain.</summary>
    InvalidRoot,

    /// <summary>The keys given cannot meet a role's signature threshold (or are not in the role at all).</summary>
    ThresholdNotMet,

    /// <summary><c>keys/recipients.json</c> is malformed or lists an unusable recipient.</summary>
    InvalidRecipients,

    /// <summary>The written site failed verification as a device would run it.</summary>
    VerificationFailed,

    /// <summary>A document the build would publish (a channel manifest, an envelope) breaks a rule or limit of docs/PROTOCOL.md.</summary>
    ProtocolLimitExceeded,

    /// <summary>docs/PROTOCOL.md is missing, unreadable, or lacks the section a task rewrites.</summary>
    InvalidProtocolDocument,

    /// <summary>The Demo target could not run its simulated device, or the device did not update and revert as the demo shows.</summary>
    DemoFailed,

    /// <summary>A channel's rollout in <c>releases/channels.json</c> cannot be applied or changed as asked.</summary>
    InvalidRollout,

    /// <summary>A site's TLS certificate chain does not end at a CA pinned in the current root metadata.</summary>
    PinCheckFailed,

    /// <summary>The live site serves what devices would refuse: an expired or unverifiable manifest or root.</summary>
    LiveSiteCheckFailed,

    /// <summary>The device core's patcher refused a delta patch, or did not rebuild the new image byte for byte (Patch, Bench).</summary>
    DeltaPatchFailed,

    /// <summary>A release a channel would publish lacks a threshold of valid approvals (docs/PROTOCOL.md section 6a).</summary>
    ReleaseNotApproved,

    /// <summary>The build's time (--now, SOURCE_DATE_EPOCH) is ahead of its clock: devices would refuse or be locked out by what it signs.</summary>
    ClockAhead,

    /// <summary>Something the machine must provide is missing (a native library such as libsodium); the message says what to install.</summary>
    MissingPrerequisite,

    /// <summary>A deploy would point a channel at an older release than the live site names, without a Halt.</summary>
    ChannelWouldGoBack,
}
