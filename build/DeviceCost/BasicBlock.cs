using Mono.Cecil.Cil;

namespace SecureOta.Build.DeviceCost;

/// <summary>
/// One basic block of a method body: its first instruction and what running it through once costs.
/// </summary>
/// <param name="First">The block's first instruction (the one branches and handlers point at).</param>
/// <param name="InstructionCount">IL instructions in the block, prefixes included.</param>
/// <param name="Calls">call, callvirt and newobj instructions (a newobj calls a constructor).</param>
/// <param name="Allocations">newobj of a class (not a struct), newarr and box instructions.</param>
public sealed record BasicBlock(Instruction First, int InstructionCount, int Calls, int Allocations)
{
}
