namespace SecureOta.Build.Samples;

/// <summary>
/// One instruction of the sample program. References are symbolic (a function, string or table id,
/// or another instruction) and become addresses only at link time, which is what makes inserted
/// code shift the absolute pointers that follow it.
/// </summary>
internal sealed class SampleInstruction
{
    public SampleInstructionKind Kind { get; private set; }

    /// <summary>The opcode word; for a branch only its low 16 bits, the high half is the offset.</summary>
    public uint Bits { get; private set; }

    /// <summary>Function, string or table id for Call, LoadString and LoadData.</summary>
    public int Symbol { get; set; }

    /// <summary>Byte offset inside the table for LoadData.</summary>
    public int SymbolOffset { get; private set; }

    public SampleInstruction? BranchTarget { get; set; }

    /// <summary>Byte offset from the start of the code, set by the linker.</summary>
    public int Offset { get; set; }

    public int Size => Kind is SampleInstructionKind.Plain or SampleInstructionKind.Branch ? 4 : 8;

    public static SampleInstruction Plain(uint bits) => new() { Kind = SampleInstructionKind.Plain, Bits = bits };

    public static SampleInstruction Branch(uint bits) => new() { Kind = SampleInstructionKind.Branch, Bits = bits & 0xFFFF };

    public static SampleInstruction Reference(SampleInstructionKind kind, uint bits, int symbol, int symbolOffset = 0) =>
        new() { Kind = kind, Bits = bits, Symbol = symbol, SymbolOffset = symbolOffset };

    /// <summary>Turns this instruction into <paramref name="other"/> in place, so branches that target it stay valid.</summary>
    public void BecomeCopyOf(SampleInstruction other)
    {
        Kind = other.Kind;
        Bits = other.Bits;
        Symbol = other.Symbol;
        SymbolOffset = other.SymbolOffset;
        BranchTarget = other.BranchTarget;
    }
}
