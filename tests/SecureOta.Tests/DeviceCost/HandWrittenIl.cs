using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SecureOta.Tests.DeviceCost;

/// <summary>
/// A small assembly whose method bodies are written instruction by instruction, so the instructions,
/// calls and allocations each call executes are known exactly, independent of any compiler.
/// </summary>
internal static class HandWrittenIl
{
    public const string TypeName = "HandWritten.Methods";

    /// <summary>Straight(a) = a * 3 + 1: 6 instructions, no call, no allocation.</summary>
    public const int StraightInstructions = 6;

    /// <summary>Sum(n) = 0 + 1 + ... + (n - 1): 10 + 11 n instructions (see the body).</summary>
    public static long SumInstructions(int n) => 10 + 11L * n;

    /// <summary>Allocate(): 12 instructions, 2 calls (one of a struct constructor), 3 allocations.</summary>
    public const int AllocateInstructions = 12;

    /// <summary>Twice(a) = Straight(a) + Straight(a): 6 instructions of its own, 2 calls, plus Straight's twice.</summary>
    public const int TwiceOwnInstructions = 6;

    /// <summary>Catch(): throws and catches: 6 instructions, 1 call, 1 allocation.</summary>
    public const int CatchInstructions = 6;

    public static byte[] Build()
    {
        using var assembly = AssemblyDefinition.CreateAssembly(new AssemblyNameDefinition("HandWritten", new Version(1, 0)), "HandWritten", ModuleKind.Dll);
        var module = assembly.MainModule;
        var type = new TypeDefinition("HandWritten", "Methods", TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed, module.TypeSystem.Object);
        module.Types.Add(type);
        var straight = Straight(module);
        type.Methods.Add(straight);
        type.Methods.Add(Twice(module, straight));
        type.Methods.Add(Sum(module));
        type.Methods.Add(Allocate(module));
        type.Methods.Add(Catch(module));
        using var output = new MemoryStream();
        assembly.Write(output);
        return output.ToArray();
    }

    private static MethodDefinition NewMethod(ModuleDefinition module, string name, TypeReference returns, params TypeReference[] parameters)
    {
        var method = new MethodDefinition(name, MethodAttributes.Public | MethodAttributes.Static, returns);
        foreach (var parameter in parameters) method.Parameters.Add(new ParameterDefinition(parameter));
        return method;
    }

    private static MethodDefinition Straight(ModuleDefinition module)
    {
        var method = NewMethod(module, "Straight", module.TypeSystem.Int32, module.TypeSystem.Int32);
        var il = method.Body.GetILProcessor();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldc_I4_3);
        il.Emit(OpCodes.Mul);
        il.Emit(OpCodes.Ldc_I4_1);
        il.Emit(OpCodes.Add);
        il.Emit(OpCodes.Ret);
        return method;
    }

    private static MethodDefinition Twice(ModuleDefinition module, MethodDefinition straight)
    {
        var method = NewMethod(module, "Twice", module.TypeSystem.Int32, module.TypeSystem.Int32);
        var il = method.Body.GetILProcessor();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Call, straight);
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Call, straight);
        il.Emit(OpCodes.Add);
        il.Emit(OpCodes.Ret);
        return method;
    }

    // s = 0; i = 0; goto cond; body: s += i; i++; cond: if (i < n) goto body; return s.
    // Entry 5, body 8 per pass, condition 3 per test (n + 1 tests: once entered by the jump, then
    // by falling through from the body), exit 2: 10 + 11 n. The condition block is entered both
    // by a branch and by fall-through, and the body only by a backward branch.
    private static MethodDefinition Sum(ModuleDefinition module)
    {
        var method = NewMethod(module, "Sum", module.TypeSystem.Int32, module.TypeSystem.Int32);
        method.Body.Variables.Add(new VariableDefinition(module.TypeSystem.Int32));
        method.Body.Variables.Add(new VariableDefinition(module.TypeSystem.Int32));
        var il = method.Body.GetILProcessor();
        var body = il.Create(OpCodes.Ldloc_0);
        var condition = il.Create(OpCodes.Ldloc_1);
        il.Emit(OpCodes.Ldc_I4_0);
        il.Emit(OpCodes.Stloc_0);
        il.Emit(OpCodes.Ldc_I4_0);
        il.Emit(OpCodes.Stloc_1);
        il.Emit(OpCodes.Br_S, condition);
        il.Append(body);
        il.Emit(OpCodes.Ldloc_1);
        il.Emit(OpCodes.Add);
        il.Emit(OpCodes.Stloc_0);
        il.Emit(OpCodes.Ldloc_1);
        il.Emit(OpCodes.Ldc_I4_1);
        il.Emit(OpCodes.Add);
        il.Emit(OpCodes.Stloc_1);
        il.Append(condition);
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Blt_S, body);
        il.Emit(OpCodes.Ldloc_0);
        il.Emit(OpCodes.Ret);
        return method;
    }

    // new object[2]; box 7; new object(); new TimeSpan(1): three allocations (the struct is not one),
    // two constructor calls.
    private static MethodDefinition Allocate(ModuleDefinition module)
    {
        var method = NewMethod(module, "Allocate", module.TypeSystem.Void);
        var il = method.Body.GetILProcessor();
        il.Emit(OpCodes.Ldc_I4_2);
        il.Emit(OpCodes.Newarr, module.TypeSystem.Object);
        il.Emit(OpCodes.Pop);
        il.Emit(OpCodes.Ldc_I4_7);
        il.Emit(OpCodes.Box, module.TypeSystem.Int32);
        il.Emit(OpCodes.Pop);
        il.Emit(OpCodes.Newobj, module.ImportReference(typeof(object).GetConstructor(Type.EmptyTypes)!));
        il.Emit(OpCodes.Pop);
        il.Emit(OpCodes.Ldc_I8, 1L);
        il.Emit(OpCodes.Newobj, module.ImportReference(typeof(TimeSpan).GetConstructor([typeof(long)])!));
        il.Emit(OpCodes.Pop);
        il.Emit(OpCodes.Ret);
        return method;
    }

    // try { throw new Exception(); } catch (Exception) { } return 1: the handler is entered only by
    // the exception, and its block must count too.
    private static MethodDefinition Catch(ModuleDefinition module)
    {
        var method = NewMethod(module, "Catch", module.TypeSystem.Int32);
        var il = method.Body.GetILProcessor();
        var end = il.Create(OpCodes.Ldc_I4_1);
        var tryStart = il.Create(OpCodes.Newobj, module.ImportReference(typeof(Exception).GetConstructor(Type.EmptyTypes)!));
        var handlerStart = il.Create(OpCodes.Pop);
        il.Append(tryStart);
        il.Emit(OpCodes.Throw);
        il.Append(handlerStart);
        il.Emit(OpCodes.Leave_S, end);
        il.Append(end);
        il.Emit(OpCodes.Ret);
        method.Body.ExceptionHandlers.Add(new ExceptionHandler(ExceptionHandlerType.Catch)
        {
            TryStart = tryStart,
            TryEnd = handlerStart,
            HandlerStart = handlerStart,
            HandlerEnd = end,
            CatchType = module.ImportReference(typeof(Exception)),
        });
        return method;
    }
}
