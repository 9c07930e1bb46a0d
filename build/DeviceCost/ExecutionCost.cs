namespace SecureOta.Build.DeviceCost;

/// <summary>What the instrumented core executed between two readings of its counters.</summary>
public readonly record struct ExecutionCost(long Instructions, long Calls, long Allocations)
{
    /// <summary>Instructions per method, most first, when the core counts per method (a profile); else null.</summary>
    public IReadOnlyList<MethodCost>? Methods { get; init; }

    public static ExecutionCost operator -(ExecutionCost after, ExecutionCost before) =>
        new(after.Instructions - before.Instructions, after.Calls - before.Calls, after.Allocations - before.Allocations);
}
