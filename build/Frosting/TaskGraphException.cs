namespace SecureOta.Build.Frosting;

/// <summary>
/// A defect in the build program's task declarations (a dependency cycle, a duplicate task name,
/// a dependency on a type that is not a task). Reported with <see cref="ExitCode.UnexpectedError"/>.
/// </summary>
internal sealed class TaskGraphException : Exception
{
    public TaskGraphException(string message)
        : base(message)
    {
    }
}
