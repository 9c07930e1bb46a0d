using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.Delta;

/// <summary>
/// Writes the code lengths of a segment's tables (docs/PROTOCOL.md section 11a.4): first the 20 lengths
/// (3 bits each) of a code-length code, then every table's lengths as its symbols: a length 0..15, 16
/// = the previous length 3..6 times (2 bits), 17 = 3..10 zeros (3 bits), 18 = 11..138 zeros (7 bits),
/// 19 = the rest of the table is zeros (a table ending in zeros ends with it).
/// </summary>
internal static class CodeLengthWriter
{
    private const int Symbols = 20;
    private const int RestZero = 19;

    public static void Write(BitWriter bits, byte[][] tables)
    {
        var tokens = new List<(int Symbol, int Extra, int ExtraBits)>();
        foreach (var lengths in tables) Tokenize(lengths, (symbol, extra, extraBits) => tokens.Add((symbol, extra, extraBits)));
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
        var counts = new long[Symbols];
        long extraBits = 0;
        foreach (var lengths in tables) Tokenize(lengths, (symbol, _, bits) =>
        {
            counts[symbol]++;
            extraBits += bits;
        });
        var codeLengths = HuffmanCode.Lengths(counts, 7);
        long total = 3 * Symbols + extraBits;
        for (int s = 0; s < Symbols; s++) total += counts[s] * codeLengths[s];
        return total;
    }

    private static byte[] CodeLengthCode(List<(int Symbol, int Extra, int ExtraBits)> tokens)
    {
        var counts = new long[Symbols];
        foreach (var token in tokens) counts[token.Symbol]++;
        return HuffmanCode.Lengths(counts, 7);
    }

    /// <summary>Hands each item that codes <paramref name="lengths"/> to <paramref name="token"/>: its symbol, extra value and extra bits.</summary>
    private static void Tokenize(byte[] lengths, Action<int, int, int> token)
    {
        int previous = 0;
        for (int i = 0; i < lengths.Length;)
        {
            int length = lengths[i];
            int run = 1;
            while (i + run < lengths.Length && lengths[i + run] == length) run++;
            if (length == 0 && i + run == lengths.Length)
            {
                token(RestZero, 0, 0);
                return;
            }
            if (length == 0 && run >= 3)
            {
                run = Math.Min(run, 138);
                if (run >= 11) token(18, run - 11, 7);
                else token(17, run - 3, 3);
            }
            else if (length == previous && run >= 3)
            {
                run = Math.Min(run, 6);
                token(16, run - 3, 2);
            }
            else
            {
                run = 1;
                token(length, 0, 0);
            }
            previous = length;
            i += run;
        }
    }
}
