namespace SecureOta.Build.Frosting;

/// <summary>
/// Declares that another task must run first. Dependencies run in the order the attributes are
/// written, each task at most once per build.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class IsDependentOnAttribute : Attribute
{
    public IsDependentOnAttribute(Type task)
    {
        ArgumentNullException.ThrowIfNull(task);
        Task = task;
    }

    public Type Task { get; }
}
