namespace SecureOta.Build.Frosting;

/// <summary>
/// Base class for a build task using a typed context, shaped like Cake.Frosting's
/// <c>FrostingTask&lt;T&gt;</c>. Name it with <see cref="TaskNameAttribute"/> and declare what it
/// needs with <see cref="IsDependentOnAttribute"/>.
/// </summary>
public abstract class FrostingTask<TContext> : IFrostingTask<TContext>
    where TContext : IFrostingContext
{
    /// <summary>The work of the task. Throw <see cref="BuildException"/> for a failure the user can fix.</summary>
    public virtual void Run(TContext context)
    {
    }

    /// <summary>Returning false skips this task (it is reported as skipped); its dependents still run.</summary>
    public virtual bool ShouldRun(TContext context) => true;

    /// <summary>
    /// Called when <see cref="Run"/> throws. As in Cake, OVERRIDING this method HANDLES the error:
    /// the build then continues with the next task. To clean up and still fail the build, rethrow
    /// from the override (<c>ExceptionDispatchInfo.Throw(exception)</c> keeps the stack trace).
    /// When not overridden, the error stops the build.
    /// </summary>
    public virtual void OnError(Exception exception, TContext context)
    {
    }

    /// <summary>Runs after <see cref="Run"/> whether it succeeded or failed (not when the task was skipped).</summary>
    public virtual void Finally(TContext context)
    {
    }
}
