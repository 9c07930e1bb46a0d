using System.Reflection;
using System.Runtime.Loader;
using SecureOta.Build.DeviceCost;

namespace SecureOta.Tests.DeviceCost;

/// <summary>
/// The instrumenter counts exactly what runs: methods written instruction by instruction execute a
/// known number of instructions, calls and allocations, however their blocks are entered.
/// </summary>
public sealed class IlCostInstrumenterTests : IDisposable
{
    private readonly AssemblyLoadContext _context = new("IlCostInstrumenterTests", isCollectible: true);
    private readonly Type _methods;
    private readonly ExecutionCounters _counters;

    public IlCostInstrumenterTests()
    {
        using var input = new MemoryStream(HandWrittenIl.Build());
        var instrumented = IlCostInstrumenter.Instrument(input, AppContext.BaseDirectory);
        var assembly = _context.LoadFromStream(new MemoryStream(instrumented));
        _methods = assembly.GetType(HandWrittenIl.TypeName, throwOnError: true)!;
        _counters = new ExecutionCounters(assembly);
    }

    public void Dispose() => _context.Unload();

    private ExecutionCost Call(string name, params object[] arguments)
    {
        var method = _methods.GetMethod(name, BindingFlags.Public | BindingFlags.Static)!;
        return _counters.Measure(() => method.Invoke(null, arguments));
    }

    [Fact]
    public void A_straight_method_counts_each_of_its_instructions_once()
    {
        Assert.Equal(new ExecutionCost(HandWrittenIl.StraightInstructions, 0, 0), Call("Straight", 5));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    public void A_loop_counts_every_pass_whether_its_blocks_are_entered_by_branch_or_fall_through(int n)
    {
        Assert.Equal(new ExecutionCost(HandWrittenIl.SumInstructions(n), 0, 0), Call("Sum", n));
    }

    [Fact]
    public void The_instrumented_method_still_computes_the_same_result()
    {
        var method = _methods.GetMethod("Sum")!;
        Assert.Equal(21, method.Invoke(null, [7]));
        Assert.Equal(16, _methods.GetMethod("Straight")!.Invoke(null, [5]));
    }

    [Fact]
    public void Arrays_boxes_and_objects_count_as_allocations_but_a_struct_constructor_does_not()
    {
        Assert.Equal(new ExecutionCost(HandWrittenIl.AllocateInstructions, 2, 3), Call("Allocate"));
    }

    [Fact]
    public void A_catch_handler_entered_by_an_exception_is_counted()
    {
        Assert.Equal(new ExecutionCost(HandWrittenIl.CatchInstructions, 1, 1), Call("Catch"));
    }

    [Fact]
    public void Without_per_method_counting_a_cost_has_no_profile()
    {
        Assert.Null(Call("Sum", 3).Methods);
    }

    [Fact]
    public void A_per_method_profile_gives_each_method_its_own_instructions_and_they_sum_to_the_total()
    {
        using var input = new MemoryStream(HandWrittenIl.Build());
        var context = new AssemblyLoadContext("IlCostInstrumenterTests.PerMethod", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(new MemoryStream(IlCostInstrumenter.Instrument(input, AppContext.BaseDirectory, perMethod: true)));
            var methods = assembly.GetType(HandWrittenIl.TypeName, throwOnError: true)!;
            var counters = new ExecutionCounters(assembly);

            var cost = counters.Measure(() =>
            {
                methods.GetMethod("Twice")!.Invoke(null, [5]);
                methods.GetMethod("Sum")!.Invoke(null, [7]);
            });

            Assert.Equal(
                [
                    new MethodCost("Methods.Sum", HandWrittenIl.SumInstructions(7)),
                    new MethodCost("Methods.Straight", 2 * HandWrittenIl.StraightInstructions),
                    new MethodCost("Methods.Twice", HandWrittenIl.TwiceOwnInstructions),
                ],
                cost.Methods!);
            Assert.Equal(cost.Instructions, cost.Methods!.Sum(m => m.Instructions));
            Assert.Equal(2, cost.Calls);
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void An_assembly_cannot_be_instrumented_twice()
    {
        using var input = new MemoryStream(HandWrittenIl.Build());
        var once = IlCostInstrumenter.Instrument(input, AppContext.BaseDirectory);
        Assert.Throws<InvalidOperationException>(() => IlCostInstrumenter.Instrument(new MemoryStream(once), AppContext.BaseDirectory));
    }
}
