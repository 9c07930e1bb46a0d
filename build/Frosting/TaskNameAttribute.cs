namespace SecureOta.Build.Frosting;

/// <summary>The name used with <c>--target</c>. Without it the class name is used.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class TaskNameAttribute : Attribute
{
    public TaskNameAttribute(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    public string Name { get; }
}
