using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.Delta;

/// <summary>
/// Writes the code lengths of a segment's tables (docs/PROTOCOL.md section 11a.4): first the 19 lengths
/// (3 bits each) of a code-length code, then every table's lengths as its symbols: a length 0..15, 16
/// = the previous length 3..6 times (2 bits), 17 = 3..10 zeros (3 bits), 18 = 11..138 zeros (7 bits).
/// </summary>
internal static class CodeLengthWriter
{
    private const int Symbols = 19;

    public static void Write(BitWriter bits, byte[][] tables)
    {
        var tokens = new List<(int Symbol, int Extra, int ExtraBits)>();
        foreach (var lengths in tables) Tokenize(lengths, tokens);
        var codeLengths = CodeLengthCode(tokens);
        var codes = HuffmanCode.Codes(codeLengths);
        foreach (var length in codeLengths) bits.WriteBits(length, 3);
        foreach (var (symbol, extra, extraBits) in tokens)
        {
            bits.WriteBits(codes[symbol], codeLengths[symbol]);
            bits.WriteBits((uint)extra, extraBits);
        }
    }

    /// <summary>The bits <see cref="Write"/> writes for <paramref name="tables"/>.</summary>
    public static long Bits(byte[][] tables)
    {
        var tokens = new List<(int Symbol, int Extra, int ExtraBits)>();
        foreach (var lengths in tables) Tokenize(lengths, tokens);
        var codeLengths = CodeLengthCode(tokens);
        long bits = 3 * Symbols;
        foreach (var (symbol, _, extraBits) in tokens) bits += codeLengths[symbol] + extraBits;
        return bits;
    }

    private static byte[] CodeLengthCode(List<(int Symbol, int Extra, int ExtraBits)> tokens)
    {
        var counts = new long[Symbols];
        foreach (var token in tokens) counts[token.Symbol]++;
        return HuffmanCode.Lengths(counts, 7);
    }

    private static void Tokenize(byte[] lengths, List<(int, int, int)> tokens)
    {
        int previous = 0;
        for (int i = 0; i < lengths.Length;)
        {
            int length = lengths[i];
            int run = 1;
            while (i + run < lengths.Length && lengths[i + run] == length) run++;
            if (length == 0 && run >= 3)
            {
                run = Math.Min(run, 138);
                tokens.Add(run >= 11 ? (18, run - 11, 7) : (17, run - 3, 3));
            }
            else if (length == previous && run >= 3)
            {
                run = Math.Min(run, 6);
                tokens.Add((16, run - 3, 2));
            }
            else
            {
                run = 1;
                tokens.Add((length, 0, 0));
            }
            previous = length;
            i += run;
        }
    }
}
