using System.Reflection;

namespace SecureOta.Build.DeviceCost;

/// <summary>Reads the counters <see cref="IlCostInstrumenter"/> injected into an instrumented assembly.</summary>
public sealed class ExecutionCounters
{
    private readonly FieldInfo _instructions;
    private readonly FieldInfo _calls;
    private readonly FieldInfo _allocations;

    public ExecutionCounters(Assembly instrumented)
    {
        ArgumentNullException.ThrowIfNull(instrumented);
        var type = instrumented.GetType(IlCostInstrumenter.CounterTypeFullName)
            ?? throw new ArgumentException($"{instrumented.GetName().Name} is not instrumented: it has no {IlCostInstrumenter.CounterTypeFullName}.", nameof(instrumented));
        _instructions = type.GetField(IlCostInstrumenter.InstructionsField)!;
        _calls = type.GetField(IlCostInstrumenter.CallsField)!;
        _allocations = type.GetField(IlCostInstrumenter.AllocationsField)!;
    }

    /// <summary>The totals since the assembly was loaded.</summary>
    public ExecutionCost Read() =>
        new((long)_instructions.GetValue(null)!, (long)_calls.GetValue(null)!, (long)_allocations.GetValue(null)!);

    /// <summary>What <paramref name="action"/> made the instrumented code execute.</summary>
    public ExecutionCost Measure(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var before = Read();
        action();
        return Read() - before;
    }
}
