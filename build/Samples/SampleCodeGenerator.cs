namespace SecureOta.Build.Samples;

/// <summary>
/// Generates instruction-like code. Opcodes and operands follow a skewed distribution like real
/// compiled code; about one instruction in ten carries an absolute address (call or literal load)
/// and one in ten a short relative branch.
/// </summary>
internal static class SampleCodeGenerator
{
    private const ulong FunctionSeedFamily = 0x5EC0_07A0_F00D_0001UL;

    // Common opcodes repeated by weight: moves, loads, stores and adds dominate real code.
    private static readonly byte[] Opcodes =
    [
        0x22, 0x22, 0x22, 0x22, 0x28, 0x28, 0x28, 0x29, 0x29, 0x1A, 0x1A, 0x1A, 0x0C, 0x0C,
        0x0C, 0x3D, 0x3D, 0x48, 0x4A, 0x52, 0x66, 0x7C, 0x80, 0x90, 0xA2, 0xC0,
    ];

    private const uint Prologue = 0x00813600;
    private const uint Return = 0x0000F01D;

    public static SampleFunction CreateFunction(int id, SampleSymbolPool symbols)
    {
        var random = new SplitMix64(SplitMix64.Derive(FunctionSeedFamily, id));
        var count = 48 + random.Next(160);
        var body = new List<SampleInstruction>(count) { SampleInstruction.Plain(Prologue | (uint)random.Next(8) << 24) };
        for (var i = 1; i < count - 1; i++)
        {
            body.Add(CreateInstruction(random, symbols));
        }

        body.Add(SampleInstruction.Plain(Return));
        AssignBranchTargets(body, random, 0, body.Count);
        return new SampleFunction(id, body);
    }

    /// <summary>Replaces <paramref name="replacements"/> instructions in place and inserts a block of <paramref name="insertions"/> in the middle.</summary>
    public static void Edit(SampleFunction function, ulong seed, int replacements, int insertions, SampleSymbolPool symbols)
    {
        var random = new SplitMix64(seed);
        var body = function.Body;
        for (var i = 0; i < replacements; i++)
        {
            var index = 1 + random.Next(body.Count - 2);
            var replacement = CreateInstruction(random, symbols);
            if (replacement.Kind == SampleInstructionKind.Branch)
            {
                replacement.BranchTarget = body[random.Next(body.Count)];
            }

            body[index].BecomeCopyOf(replacement);
        }

        if (insertions > 0)
        {
            var at = body.Count / 2;
            body.InsertRange(at, Enumerable.Range(0, insertions).Select(_ => CreateInstruction(random, symbols)));
            AssignBranchTargets(body, random, at, at + insertions);
        }
    }

    private static SampleInstruction CreateInstruction(SplitMix64 random, SampleSymbolPool symbols)
    {
        var roll = random.Next(100);
        var register = (uint)random.Next(16);
        if (roll < 5)
        {
            return SampleInstruction.Reference(SampleInstructionKind.Call, 0x000000E5 | register << 12, random.Pick(symbols.Functions));
        }

        if (roll < 8)
        {
            return SampleInstruction.Reference(SampleInstructionKind.LoadString, 0x00000021 | register << 12, random.Pick(symbols.Strings));
        }

        if (roll < 10)
        {
            var (table, length) = random.Pick(symbols.Tables);
            return SampleInstruction.Reference(SampleInstructionKind.LoadData, 0x00000031 | register << 12, table, 4 * random.Next(length / 4));
        }

        if (roll < 20)
        {
            return SampleInstruction.Branch(0x37u + (uint)random.Next(8) | register << 8);
        }

        var immediate = (uint)(random.Next(16) * random.Next(16) / 4);
        var word = random.Pick(Opcodes) | register << 8 | (uint)random.Next(16) << 12 | (uint)random.Next(16) << 16
            | (uint)random.Next(16) << 20 | immediate << 24;
        return SampleInstruction.Plain(word);
    }

    private static void AssignBranchTargets(List<SampleInstruction> body, SplitMix64 random, int start, int end)
    {
        // Short forward and backward branches, as loops and conditionals compile to.
        for (var i = start; i < end; i++)
        {
            if (body[i].Kind == SampleInstructionKind.Branch)
            {
                var target = Math.Clamp(i + random.Next(49) - 24, 0, body.Count - 1);
                body[i].BranchTarget = body[target == i ? Math.Min(i + 1, body.Count - 1) : target];
            }
        }
    }
}
