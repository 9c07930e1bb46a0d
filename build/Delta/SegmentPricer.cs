using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.Delta;

/// <summary>
/// The coded size of a run of 4096-byte chunks written as one segment, exactly as
/// <see cref="PatchStreamEncoder"/> writes it for the given symbols: segment header, the code-length code
/// and tables of the segment's own Huffman codes (<see cref="CodeLengthWriter"/>), the symbols under those
/// codes, their extra bits and the padding to a byte; except that a code the length limit cuts is priced
/// with near-optimal lengths (a few bits at most) rather than the optimal ones it is written with. Kept as running sums of each chunk's symbol counts,
/// so a run is priced in one pass over the alphabets whatever its length; prices are remembered.
/// </summary>
internal sealed class SegmentPricer
{
    private static readonly int[] TableStart = BuildTableStarts();

    private readonly int[] _prefix;
    private readonly long[] _extraPrefix;
    private readonly Dictionary<(int, int), long> _known = new();
    private readonly long[][] _counts = new long[PatchFormat.TableCount][];

    /// <param name="chunkSymbols">The symbols of each chunk, in order.</param>
    public SegmentPricer(IReadOnlyList<List<CodedSymbol>> chunkSymbols)
    {
        Chunks = chunkSymbols.Count;
        int width = TableStart[^1];
        _prefix = new int[(Chunks + 1) * width];
        _extraPrefix = new long[Chunks + 1];
        for (int t = 0; t < PatchFormat.TableCount; t++) _counts[t] = new long[PatchFormat.SymbolCount(t)];
        for (int c = 0; c < Chunks; c++)
        {
            Array.Copy(_prefix, c * width, _prefix, (c + 1) * width, width);
            long extra = 0;
            foreach (var symbol in chunkSymbols[c])
            {
                if (symbol.Alphabet >= 0) _prefix[(c + 1) * width + TableStart[symbol.Alphabet] + symbol.Symbol]++;
                extra += symbol.ExtraBits;
            }
            _extraPrefix[c + 1] = _extraPrefix[c] + extra;
        }
    }

    public int Chunks { get; }

    /// <summary>Bits of chunks [<paramref name="from"/>, <paramref name="to"/>) coded as one segment, header and padding included.</summary>
    public long Bits(int from, int to)
    {
        if (from < 0 || to > Chunks || from >= to) throw new ArgumentOutOfRangeException(nameof(to), "a segment is one or more chunks of the image");
        if (_known.TryGetValue((from, to), out long known)) return known;
        int width = TableStart[^1];
        var lengths = new byte[PatchFormat.TableCount][];
        long bits = _extraPrefix[to] - _extraPrefix[from];
        for (int table = 0; table < PatchFormat.TableCount; table++)
        {
            int symbols = PatchFormat.SymbolCount(table);
            var counts = _counts[table];
            bool any = false;
            for (int s = 0; s < symbols; s++)
            {
                int at = TableStart[table] + s;
                counts[s] = _prefix[to * width + at] - _prefix[from * width + at];
                any |= counts[s] != 0;
            }
            if (!any)
            {
                lengths[table] = new byte[symbols];
                continue;
            }
            lengths[table] = HuffmanCode.Lengths(counts, PatchFormat.CodeBits(table), optimal: false);
            for (int s = 0; s < symbols; s++) bits += counts[s] * lengths[table][s];
        }
        bits += CodeLengthWriter.Bits(lengths);
        bits = (bits + 7) / 8 * 8 + 8 * PatchFormat.SegmentHeaderSize;
        _known[(from, to)] = bits;
        return bits;
    }

    private static int[] BuildTableStarts()
    {
        var starts = new int[PatchFormat.TableCount + 1];
        for (int t = 0; t < PatchFormat.TableCount; t++) starts[t + 1] = starts[t] + PatchFormat.SymbolCount(t);
        return starts;
    }
}
