namespace SecureOta.Build.Frosting;

/// <summary>Orders the tasks a target needs: dependencies first, in declaration order, each once.</summary>
internal static class ExecutionPlanner
{
    public static IReadOnlyList<TaskDefinition> Plan(TaskCatalog catalog, string target, bool exclusive)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var root = catalog.Find(target) ?? throw new BuildException(
            BuildErrorCode.UnknownTarget,
            $"Unknown target '{target}'.",
            $"Available targets: {catalog.AvailableTargets}. Run with --help for descriptions.");

        if (exclusive)
        {
            return [root];
        }

        var order = new List<TaskDefinition>();
        var planned = new HashSet<TaskDefinition>();
        Add(catalog, root, order, planned);
        return order;
    }

    private static void Add(TaskCatalog catalog, TaskDefinition task, List<TaskDefinition> order, HashSet<TaskDefinition> planned)
    {
        // The catalog has already rejected cycles, so a depth-first post-order is a topological order.
        if (!planned.Add(task))
        {
            return;
        }

        foreach (var dependency in catalog.DependenciesOf(task))
        {
            Add(catalog, dependency, order, planned);
        }

        order.Add(task);
    }
}
