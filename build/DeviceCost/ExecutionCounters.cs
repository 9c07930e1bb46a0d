using System.Reflection;

namespace SecureOta.Build.DeviceCost;

/// <summary>Reads the counters <see cref="IlCostInstrumenter"/> injected into an instrumented assembly.</summary>
public sealed class ExecutionCounters
{
    private readonly FieldInfo _instructions;
    private readonly FieldInfo _calls;
    private readonly FieldInfo _allocations;
    private readonly long[]? _perMethod;
    private readonly string[] _methodNames = [];

    public ExecutionCounters(Assembly instrumented)
    {
        ArgumentNullException.ThrowIfNull(instrumented);
        var type = instrumented.GetType(IlCostInstrumenter.CounterTypeFullName)
            ?? throw new ArgumentException($"{instrumented.GetName().Name} is not instrumented: it has no {IlCostInstrumenter.CounterTypeFullName}.", nameof(instrumented));
        _instructions = type.GetField(IlCostInstrumenter.InstructionsField)!;
        _calls = type.GetField(IlCostInstrumenter.CallsField)!;
        _allocations = type.GetField(IlCostInstrumenter.AllocationsField)!;
        if (type.GetField(IlCostInstrumenter.PerMethodField) is { } perMethod)
        {
            _perMethod = (long[])perMethod.GetValue(null)!;
            _methodNames = ((string)type.GetField(IlCostInstrumenter.MethodNamesField)!.GetValue(null)!).Split('\n');
        }
    }

    /// <summary>The totals since the assembly was loaded.</summary>
    public ExecutionCost Read() =>
        new((long)_instructions.GetValue(null)!, (long)_calls.GetValue(null)!, (long)_allocations.GetValue(null)!);

    /// <summary>
    /// What <paramref name="action"/> made the instrumented code execute; when the assembly counts per
    /// method, with <see cref="ExecutionCost.Methods"/>: every method that ran, most instructions first.
    /// </summary>
    public ExecutionCost Measure(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var before = Read();
        var methodsBefore = (long[]?)_perMethod?.Clone();
        action();
        var cost = Read() - before;
        if (_perMethod is null || methodsBefore is null) return cost;
        var methods = new List<MethodCost>();
        for (int i = 0; i < _perMethod.Length; i++)
        {
            long executed = _perMethod[i] - methodsBefore[i];
            if (executed != 0) methods.Add(new MethodCost(_methodNames[i], executed));
        }
        return cost with { Methods = methods.OrderByDescending(m => m.Instructions).ThenBy(m => m.Method, StringComparer.Ordinal).ToList() };
    }
}
