namespace SecureOta.Build.Frosting;

/// <summary>One line shown by <c>--help</c> and <c>--tree</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class TaskDescriptionAttribute : Attribute
{
    public TaskDescriptionAttribute(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        Description = description;
    }

    public string Description { get; }
}
