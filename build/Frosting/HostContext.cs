namespace SecureOta.Build.Frosting;

/// <summary>The context the host builds before the typed build context exists.</summary>
internal sealed record HostContext(BuildLog Log, BuildArguments Arguments, BuildEnvironment Environment) : IFrostingContext;
