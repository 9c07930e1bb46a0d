using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace SecureOta.Build.DeviceCost;

/// <summary>
/// Rewrites an assembly so that it counts, in static fields of an injected class, every IL instruction
/// it executes, every call it makes (call, callvirt, newobj) and every allocation it makes (newobj of a
/// class, newarr, box). On nanoFramework each IL instruction is one dispatch of the interpreter, so the
/// instruction count is the device's work, whatever the host JIT makes of the code.
/// <para>
/// Counting per instruction would multiply the host run time by ten; instead each basic block (a run of
/// instructions entered only at its first and left only after its last) gets one prologue that adds the
/// block's totals. Every branch, switch and exception-handler boundary that pointed at a block's first
/// instruction is redirected to its prologue, so a block counts however it is entered. A block left
/// early by an exception still counts whole: exceptions are not on the paths this measures.
/// </para>
/// </summary>
public static class IlCostInstrumenter
{
    /// <summary>Namespace and name of the injected class with the three public static long counters.</summary>
    public const string CounterTypeNamespace = "SecureOta.DeviceCost";
    public const string CounterTypeName = "ExecutionCounters";
    public const string CounterTypeFullName = CounterTypeNamespace + "." + CounterTypeName;
    public const string InstructionsField = "Instructions";
    public const string CallsField = "Calls";
    public const string AllocationsField = "Allocations";

    /// <summary>Returns the instrumented image of the assembly at <paramref name="assemblyPath"/> (the file is not changed).</summary>
    public static byte[] Instrument(string assemblyPath)
    {
        using var input = new MemoryStream(File.ReadAllBytes(assemblyPath));
        return Instrument(input, Path.GetDirectoryName(Path.GetFullPath(assemblyPath))!);
    }

    /// <summary>
    /// Returns the instrumented image of the assembly read from <paramref name="assembly"/>; its
    /// references are resolved from <paramref name="referenceDirectory"/> and the running framework
    /// (to tell structs from classes).
    /// </summary>
    public static byte[] Instrument(Stream assembly, string referenceDirectory)
    {
        using var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(referenceDirectory);
        resolver.AddSearchDirectory(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        using var definition = AssemblyDefinition.ReadAssembly(assembly, new ReaderParameters { ReadSymbols = false, AssemblyResolver = resolver });
        var module = definition.MainModule;
        if (module.GetType(CounterTypeFullName) is not null)
            throw new InvalidOperationException($"{definition.Name.Name} is already instrumented.");

        var counters = AddCounterType(module);
        var targets = new CounterFields(
            counters.Fields.Single(f => f.Name == InstructionsField),
            counters.Fields.Single(f => f.Name == CallsField),
            counters.Fields.Single(f => f.Name == AllocationsField));

        foreach (var type in module.GetTypes().Where(t => t != counters).ToList())
        {
            foreach (var method in type.Methods.Where(m => m.HasBody))
            {
                InstrumentBody(method.Body, targets);
            }
        }

        using var output = new MemoryStream();
        definition.Write(output);
        return output.ToArray();
    }

    private sealed record CounterFields(FieldReference Instructions, FieldReference Calls, FieldReference Allocations);

    private static TypeDefinition AddCounterType(ModuleDefinition module)
    {
        var type = new TypeDefinition(CounterTypeNamespace, CounterTypeName,
            TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.Class,
            module.TypeSystem.Object);
        foreach (var name in new[] { InstructionsField, CallsField, AllocationsField })
        {
            type.Fields.Add(new FieldDefinition(name, FieldAttributes.Public | FieldAttributes.Static, module.TypeSystem.Int64));
        }
        module.Types.Add(type);
        return type;
    }

    private static void InstrumentBody(MethodBody body, CounterFields counters)
    {
        // Long branch forms first: the prologues lengthen the code, so a short branch may no longer reach.
        body.SimplifyMacros();
        var blocks = BasicBlocks.Split(body);
        var processor = body.GetILProcessor();
        var prologueOf = new Dictionary<Instruction, Instruction>();
        foreach (var block in blocks)
        {
            var prologue = new List<Instruction>();
            AddIncrement(prologue, counters.Instructions, block.InstructionCount);
            AddIncrement(prologue, counters.Calls, block.Calls);
            AddIncrement(prologue, counters.Allocations, block.Allocations);
            foreach (var instruction in prologue)
            {
                processor.InsertBefore(block.First, instruction);
            }
            prologueOf[block.First] = prologue[0];
        }
        Redirect(body, prologueOf);
        body.OptimizeMacros();
    }

    // counter += amount: stack-neutral, so it may open any block, a catch handler's too.
    private static void AddIncrement(List<Instruction> prologue, FieldReference counter, int amount)
    {
        if (amount == 0) return;
        prologue.Add(Instruction.Create(OpCodes.Ldsfld, counter));
        prologue.Add(Instruction.Create(OpCodes.Ldc_I8, (long)amount));
        prologue.Add(Instruction.Create(OpCodes.Add));
        prologue.Add(Instruction.Create(OpCodes.Stsfld, counter));
    }

    // Whatever entered a block at its first instruction now enters at its prologue: branches, switch
    // tables, and the try, handler and filter boundaries (an end boundary is the next block's start, so
    // the prologue of the block after a protected region stays outside it).
    private static void Redirect(MethodBody body, Dictionary<Instruction, Instruction> prologueOf)
    {
        Instruction Map(Instruction target) => prologueOf.TryGetValue(target, out var prologue) ? prologue : target;

        foreach (var instruction in body.Instructions)
        {
            switch (instruction.Operand)
            {
                case Instruction target:
                    instruction.Operand = Map(target);
                    break;
                case Instruction[] targets:
                    instruction.Operand = targets.Select(Map).ToArray();
                    break;
            }
        }
        foreach (var handler in body.ExceptionHandlers)
        {
            handler.TryStart = Map(handler.TryStart);
            if (handler.TryEnd is not null) handler.TryEnd = Map(handler.TryEnd);
            handler.HandlerStart = Map(handler.HandlerStart);
            if (handler.HandlerEnd is not null) handler.HandlerEnd = Map(handler.HandlerEnd);
            if (handler.FilterStart is not null) handler.FilterStart = Map(handler.FilterStart);
        }
    }
}
