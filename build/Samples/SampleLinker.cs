using System.Buffers.Binary;
using System.Text;

namespace SecureOta.Build.Samples;

/// <summary>
/// Lays out the flash-mapped segment (code, then strings, then tables) at its load address and
/// resolves every symbolic reference to an absolute address or a relative branch offset.
/// </summary>
internal static class SampleLinker
{
    /// <summary>Load address of the flash-mapped code segment, as on an ESP32 (IROM).</summary>
    public const uint FlashBase = 0x400D0020;

    public static byte[] Link(SampleProgram program)
    {
        var functions = new Dictionary<int, uint>();
        var strings = new Dictionary<int, uint>();
        var tables = new Dictionary<int, uint>();
        var offset = 0;
        foreach (var function in program.Functions)
        {
            functions.Add(function.Id, FlashBase + (uint)offset);
            foreach (var instruction in function.Body)
            {
                instruction.Offset = offset;
                offset += instruction.Size;
            }
        }

        foreach (var text in program.Strings)
        {
            strings.Add(text.Id, FlashBase + (uint)offset);
            offset = Align(offset + Encoding.UTF8.GetByteCount(text.Text) + 1, 4);
        }

        foreach (var table in program.Tables)
        {
            offset = Align(offset, 16);
            tables.Add(table.Id, FlashBase + (uint)offset);
            offset += table.Length;
        }

        var image = new byte[Align(offset, 4)];
        foreach (var instruction in program.Functions.SelectMany(f => f.Body))
        {
            WriteInstruction(image.AsSpan(instruction.Offset), instruction, functions, strings, tables);
        }

        foreach (var text in program.Strings)
        {
            Encoding.UTF8.GetBytes(text.Text, image.AsSpan((int)(strings[text.Id] - FlashBase)));
        }

        foreach (var table in program.Tables)
        {
            var at = image.AsSpan((int)(tables[table.Id] - FlashBase));
            if (table.StringPointers is null)
            {
                table.Bytes.CopyTo(at);
                continue;
            }

            for (var i = 0; i < table.StringPointers.Count; i++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(at[(i * 4)..], strings[table.StringPointers[i]]);
            }
        }

        return image;
    }

    private static void WriteInstruction(
        Span<byte> at,
        SampleInstruction instruction,
        Dictionary<int, uint> functions,
        Dictionary<int, uint> strings,
        Dictionary<int, uint> tables)
    {
        switch (instruction.Kind)
        {
            case SampleInstructionKind.Plain:
                BinaryPrimitives.WriteUInt32LittleEndian(at, instruction.Bits);
                break;
            case SampleInstructionKind.Branch:
                var words = (instruction.BranchTarget!.Offset - instruction.Offset) / 4;
                BinaryPrimitives.WriteUInt32LittleEndian(at, instruction.Bits | (uint)(ushort)(short)words << 16);
                break;
            default:
                var address = instruction.Kind switch
                {
                    SampleInstructionKind.Call => functions[instruction.Symbol],
                    SampleInstructionKind.LoadString => strings[instruction.Symbol],
                    _ => tables[instruction.Symbol] + (uint)instruction.SymbolOffset,
                };
                BinaryPrimitives.WriteUInt32LittleEndian(at, instruction.Bits);
                BinaryPrimitives.WriteUInt32LittleEndian(at[4..], address);
                break;
        }
    }

    private static int Align(int value, int alignment) => (value + alignment - 1) / alignment * alignment;
}
