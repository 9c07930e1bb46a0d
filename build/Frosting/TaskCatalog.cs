using System.Reflection;

namespace SecureOta.Build.Frosting;

/// <summary>
/// Every task of a build, read from attributes and checked as a whole: unique names, dependencies
/// that are tasks of this build, and no dependency cycle anywhere (so --help and --tree are safe too).
/// </summary>
internal sealed class TaskCatalog
{
    private readonly Dictionary<string, TaskDefinition> _byName;
    private readonly Dictionary<Type, TaskDefinition> _byType;

    private TaskCatalog(IReadOnlyList<TaskDefinition> tasks)
    {
        Tasks = tasks;
        _byName = tasks.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
        _byType = tasks.ToDictionary(t => t.Type);
    }

    /// <summary>All tasks, sorted by name.</summary>
    public IReadOnlyList<TaskDefinition> Tasks { get; }

    public string AvailableTargets => string.Join(", ", Tasks.Select(t => t.Name));

    /// <summary>Task types for <typeparamref name="TContext"/> among <paramref name="types"/>; other types are ignored.</summary>
    public static IEnumerable<Type> Discover<TContext>(IEnumerable<Type> types)
        where TContext : IFrostingContext
        => types.Where(t => t is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false }
            && typeof(IFrostingTask<TContext>).IsAssignableFrom(t));

    public static TaskCatalog Create<TContext>(IEnumerable<Type> taskTypes)
        where TContext : IFrostingContext
    {
        var definitions = new List<TaskDefinition>();
        foreach (var type in taskTypes.Distinct())
        {
            if (!typeof(IFrostingTask<TContext>).IsAssignableFrom(type) || !DerivesFromFrostingTask(type) || type.IsAbstract)
            {
                throw new TaskGraphException(
                    $"{type.FullName} is not a concrete FrostingTask for {typeof(TContext).Name}.");
            }

            definitions.Add(new TaskDefinition(
                type,
                type.GetCustomAttribute<TaskNameAttribute>()?.Name ?? type.Name,
                type.GetCustomAttribute<TaskDescriptionAttribute>()?.Description ?? string.Empty,
                type.GetCustomAttributes<IsDependentOnAttribute>().Select(a => a.Task).ToArray(),
                OverridesOnError(type)));
        }

        var duplicate = definitions.GroupBy(d => d.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new TaskGraphException(
                $"Task name '{duplicate.Key}' is used by {string.Join(" and ", duplicate.Select(d => d.Type.FullName))}.");
        }

        var catalog = new TaskCatalog(definitions.OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase).ToArray());
        catalog.CheckDependenciesExist();
        catalog.CheckAcyclic();
        return catalog;
    }

    public TaskDefinition? Find(string name) => _byName.GetValueOrDefault(name);

    public IEnumerable<TaskDefinition> DependenciesOf(TaskDefinition task) => task.DependencyTypes.Select(t => _byType[t]);

    private static bool DerivesFromFrostingTask(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(FrostingTask<>))
            {
                return true;
            }
        }

        return false;
    }

    private static bool OverridesOnError(Type type) => type
        .GetMethods(BindingFlags.Public | BindingFlags.Instance)
        .Where(m => m.Name == nameof(FrostingTask<IFrostingContext>.OnError) && m.GetParameters().Length == 2)
        .Any(m => m.DeclaringType is { } declaring
            && !(declaring.IsGenericType && declaring.GetGenericTypeDefinition() == typeof(FrostingTask<>)));

    private void CheckDependenciesExist()
    {
        foreach (var task in Tasks)
        {
            foreach (var dependency in task.DependencyTypes)
            {
                if (!_byType.ContainsKey(dependency))
                {
                    throw new TaskGraphException(
                        $"Task '{task.Name}' depends on {dependency.FullName}, which is not a task of this build. "
                        + $"Available targets: {AvailableTargets}.");
                }
            }
        }
    }

    private void CheckAcyclic()
    {
        var finished = new HashSet<TaskDefinition>();
        var path = new List<TaskDefinition>();
        foreach (var task in Tasks)
        {
            Visit(task, finished, path);
        }
    }

    private void Visit(TaskDefinition task, HashSet<TaskDefinition> finished, List<TaskDefinition> path)
    {
        if (finished.Contains(task))
        {
            return;
        }

        var onPath = path.IndexOf(task);
        if (onPath >= 0)
        {
            var cycle = path.Skip(onPath).Append(task).Select(t => t.Name);
            throw new TaskGraphException(
                $"Task dependency cycle: {string.Join(" -> ", cycle)}. Available targets: {AvailableTargets}.");
        }

        path.Add(task);
        foreach (var dependency in DependenciesOf(task))
        {
            Visit(dependency, finished, path);
        }

        path.RemoveAt(path.Count - 1);
        finished.Add(task);
    }
}
