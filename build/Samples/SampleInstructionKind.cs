namespace SecureOta.Build.Samples;

/// <summary>The instruction shapes that matter for how firmware changes between versions.</summary>
internal enum SampleInstructionKind
{
    /// <summary>One word with no reference: unchanged unless edited.</summary>
    Plain,

    /// <summary>One word with a PC-relative offset to an instruction of the same function.</summary>
    Branch,

    /// <summary>Opcode word plus a literal word holding a function's absolute address.</summary>
    Call,

    /// <summary>Opcode word plus a literal word holding a string's absolute address.</summary>
    LoadString,

    /// <summary>Opcode word plus a literal word holding an absolute address inside a data table.</summary>
    LoadData,
}
