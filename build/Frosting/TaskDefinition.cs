namespace SecureOta.Build.Frosting;

/// <summary>A task type as declared by its attributes; the instance is created only when the task runs.</summary>
internal sealed class TaskDefinition
{
    public TaskDefinition(Type type, string name, string description, IReadOnlyList<Type> dependencyTypes, bool handlesErrors)
    {
        Type = type;
        Name = name;
        Description = description;
        DependencyTypes = dependencyTypes;
        HandlesErrors = handlesErrors;
    }

    public Type Type { get; }

    public string Name { get; }

    public string Description { get; }

    /// <summary>Direct dependencies in declaration order.</summary>
    public IReadOnlyList<Type> DependencyTypes { get; }

    /// <summary>True when the task overrides OnError, which (as in Cake) handles its errors.</summary>
    public bool HandlesErrors { get; }
}
