namespace SecureOta.Build.Frosting;

/// <summary>
/// The host's view of a task. Contravariant so that a task written against a less derived
/// context (for example <see cref="FrostingTask"/>) runs in a host for a more derived one.
/// </summary>
public interface IFrostingTask<in TContext>
    where TContext : IFrostingContext
{
    void Run(TContext context);

    bool ShouldRun(TContext context);

    void OnError(Exception exception, TContext context);

    void Finally(TContext context);
}
