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
/// <para>
/// With <c>perMethod</c> each prologue also adds the block's instructions to its method's slot of a
/// static array, so a profile can say where a step's instructions went; the method names are kept
/// in the same order in a static string (one per line).
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

    /// <summary>With per-method counting: the long[] of instructions per method, and their names, one a line, in the same order.</summary>
    public const string PerMethodField = "PerMethod";
    public const string MethodNamesField = "MethodNames";

    /// <summary>Returns the instrumented image of the assembly at <paramref name="assemblyPath"/> (the file is not changed).</summary>
    public static byte[] Instrument(string assemblyPath, bool perMethod = false)
    {
        using var input = new MemoryStream(File.ReadAllBytes(assemblyPath));
        return Instrument(input, Path.GetDirectoryName(Path.GetFullPath(assemblyPath))!, perMethod);
    }

    /// <summary>
    /// Returns the instrumented image of the assembly read from <paramref name="assembly"/>; its
    /// references are resolved from <paramref name="referenceDirectory"/> and the running framework
    /// (to tell structs from classes). <paramref name="perMethod"/> also counts instructions per method.
    /// </summary>
    public static byte[] Instrument(Stream assembly, string referenceDirectory, bool perMethod = false)
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
            counters.Fields.Single(f => f.Name == AllocationsField),
            perMethod ? AddPerMethodField(module, counters, PerMethodField, new ArrayType(module.TypeSystem.Int64)) : null);

        var names = new List<string>();
        foreach (var type in module.GetTypes().Where(t => t != counters).ToList())
        {
            foreach (var method in type.Methods.Where(m => m.HasBody))
            {
                InstrumentBody(method.Body, targets, names.Count);
                names.Add(type.Name + "." + method.Name);
            }
        }
        if (perMethod) AddPerMethodInitializer(module, counters, targets.PerMethod!, names);

        using var output = new MemoryStream();
        definition.Write(output);
        return output.ToArray();
    }

    private sealed record CounterFields(FieldReference Instructions, FieldReference Calls, FieldReference Allocations, FieldReference? PerMethod);

    private static FieldDefinition AddPerMethodField(ModuleDefinition module, TypeDefinition counters, string name, TypeReference type)
    {
        var field = new FieldDefinition(name, FieldAttributes.Public | FieldAttributes.Static, module.ImportReference(type));
        counters.Fields.Add(field);
        return field;
    }

    // The counter class's static constructor: PerMethod = new long[methods]; MethodNames = "name\nname...".
    private static void AddPerMethodInitializer(ModuleDefinition module, TypeDefinition counters, FieldReference perMethod, List<string> names)
    {
        var namesField = AddPerMethodField(module, counters, MethodNamesField, module.TypeSystem.String);
        var constructor = new MethodDefinition(".cctor",
            MethodAttributes.Private | MethodAttributes.Static | MethodAttributes.HideBySig | MethodAttributes.SpecialName | MethodAttributes.RTSpecialName,
            module.TypeSystem.Void);
        var il = constructor.Body.GetILProcessor();
        il.Emit(OpCodes.Ldc_I4, names.Count);
        il.Emit(OpCodes.Newarr, module.TypeSystem.Int64);
        il.Emit(OpCodes.Stsfld, perMethod);
        il.Emit(OpCodes.Ldstr, string.Join('\n', names));
        il.Emit(OpCodes.Stsfld, namesField);
        il.Emit(OpCodes.Ret);
        counters.Methods.Add(constructor);
    }

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

    private static void InstrumentBody(MethodBody body, CounterFields counters, int methodIndex)
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
            if (counters.PerMethod is not null) AddMethodIncrement(prologue, counters.PerMethod, methodIndex, block.InstructionCount);
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

    // PerMethod[methodIndex] += amount, stack-neutral like the counters.
    private static void AddMethodIncrement(List<Instruction> prologue, FieldReference perMethod, int methodIndex, int amount)
    {
        prologue.Add(Instruction.Create(OpCodes.Ldsfld, perMethod));
        prologue.Add(Instruction.Create(OpCodes.Ldc_I4, methodIndex));
        prologue.Add(Instruction.Create(OpCodes.Ldelema, ((ArrayType)perMethod.FieldType).ElementType));
        prologue.Add(Instruction.Create(OpCodes.Dup));
        prologue.Add(Instruction.Create(OpCodes.Ldind_I8));
        prologue.Add(Instruction.Create(OpCodes.Ldc_I8, (long)amount));
        prologue.Add(Instruction.Create(OpCodes.Add));
        prologue.Add(Instruction.Create(OpCodes.Stind_I8));
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
