namespace SecureOta.Build.Frosting;

/// <summary>
/// What the host hands to every build context: the log, the parsed command line and a snapshot
/// of the process environment. Mirrors the part of Cake's <c>ICakeContext</c> this build uses.
/// </summary>
public interface IFrostingContext
{
    BuildLog Log { get; }

    BuildArguments Arguments { get; }

    BuildEnvironment Environment { get; }
}
