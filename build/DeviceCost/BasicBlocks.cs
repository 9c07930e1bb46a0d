using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SecureOta.Build.DeviceCost;

/// <summary>Splits method bodies into basic blocks.</summary>
public static class BasicBlocks
{
    /// <summary>
    /// The blocks of <paramref name="body"/> in order. A block starts at the first instruction, at every
    /// branch or switch target, after every instruction that transfers control (branch, return, throw,
    /// leave, endfinally) and at every try, handler and filter boundary; it runs to the next start.
    /// </summary>
    public static IReadOnlyList<BasicBlock> Split(MethodBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var instructions = body.Instructions;
        if (instructions.Count == 0) return [];

        var starts = new HashSet<Instruction> { instructions[0] };
        foreach (var instruction in instructions)
        {
            if (instruction.Operand is Instruction target) starts.Add(target);
            if (instruction.Operand is Instruction[] targets) starts.UnionWith(targets);
            if (EndsBlock(instruction) && instruction.Next is not null) starts.Add(instruction.Next);
        }
        foreach (var handler in body.ExceptionHandlers)
        {
            foreach (var boundary in new[] { handler.TryStart, handler.TryEnd, handler.HandlerStart, handler.HandlerEnd, handler.FilterStart })
            {
                if (boundary is not null) starts.Add(boundary);
            }
        }

        var blocks = new List<BasicBlock>();
        Instruction? first = null;
        int count = 0, calls = 0, allocations = 0;
        foreach (var instruction in instructions)
        {
            if (starts.Contains(instruction))
            {
                if (first is not null) blocks.Add(new BasicBlock(first, count, calls, allocations));
                first = instruction;
                count = calls = allocations = 0;
            }
            count++;
            if (IsCall(instruction)) calls++;
            if (IsAllocation(instruction)) allocations++;
        }
        blocks.Add(new BasicBlock(first!, count, calls, allocations));
        return blocks;
    }

    private static bool EndsBlock(Instruction instruction) => instruction.OpCode.FlowControl switch
    {
        FlowControl.Branch or FlowControl.Cond_Branch or FlowControl.Return or FlowControl.Throw => true,
        _ => false,
    };

    private static bool IsCall(Instruction instruction) =>
        instruction.OpCode.Code is Code.Call or Code.Callvirt or Code.Newobj or Code.Calli;

    private static bool IsAllocation(Instruction instruction) => instruction.OpCode.Code switch
    {
        Code.Newarr or Code.Box => true,
        Code.Newobj => !IsValueType(((MethodReference)instruction.Operand).DeclaringType),
        _ => false,
    };

    // A struct built with newobj lives on the stack, not the heap. A reference to another assembly's
    // type only knows it is a struct once resolved; one that cannot be resolved counts as a class.
    private static bool IsValueType(TypeReference type)
    {
        if (type.IsValueType) return true;
        try
        {
            return type.Resolve()?.IsValueType ?? false;
        }
        catch (AssemblyResolutionException)
        {
            return false;
        }
    }
}
