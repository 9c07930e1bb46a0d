namespace SecureOta.Build.Frosting;

/// <summary>
/// Base class for typed build contexts, shaped like Cake.Frosting's <c>FrostingContext</c>:
/// a derived context takes the host's context in its constructor and adds its own state.
/// </summary>
public abstract class FrostingContext : IFrostingContext
{
    protected FrostingContext(IFrostingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Log = context.Log;
        Arguments = context.Arguments;
        Environment = context.Environment;
    }

    public BuildLog Log { get; }

    public BuildArguments Arguments { get; }

    public BuildEnvironment Environment { get; }
}
