using System.Buffers.Binary;
using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.Delta;

/// <summary>
/// Writes a patch (docs/PROTOCOL.md section 11a, version 4) for a given block cover of the new image:
/// the header, then segments. The literal stretches between copy runs are cut into literals and
/// matches; the operations are cut into segments at 4096-byte boundaries of the new image where their
/// statistics change (<see cref="PatchSegmenter"/>); each segment
/// is coded twice, the second time priced with the codes of the first, and written with the code
/// lengths of its own symbols.
/// </summary>
internal sealed class PatchStreamEncoder
{
    private readonly byte[] _old;
    private readonly byte[] _new;
    private readonly PatchEncoderOptions _options;
    private readonly List<byte> _output;
    private readonly long[] _costBits = new long[(int)PatchCostCategory.Count];
    private int _edits;

    private PatchStreamEncoder(byte[] oldImage, byte[] newImage, PatchEncoderOptions options)
    {
        _old = oldImage;
        _new = newImage;
        _options = options;
        _output = new List<byte>(newImage.Length / 8 + 64);
    }

    public static DeltaDiffResult Encode(byte[] oldImage, byte[] newImage, IReadOnlyList<PatchBlock> blocks, PatchEncoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(oldImage);
        ArgumentNullException.ThrowIfNull(newImage);
        ArgumentNullException.ThrowIfNull(blocks);
        if (oldImage.Length > PatchFormat.MaxImageSize || newImage.Length > PatchFormat.MaxImageSize)
            throw new ArgumentException($"images are limited to {PatchFormat.MaxImageSize} bytes");
        var encoder = new PatchStreamEncoder(oldImage, newImage, options ?? PatchEncoderOptions.Default);
        var (ops, cuts) = PatchOperations.Build(oldImage, newImage, blocks, encoder._options.MaxSegmentBytes);
        encoder.WriteHeader();
        var segments = PatchSegmenter.SplitAt(ops, cuts, newImage.Length);
        var writer = new SegmentSymbolWriter(oldImage, newImage);
        foreach (var segment in segments) encoder.WriteSegment(segment, writer);
        int copied = ops.Where(o => o.Kind == PatchOpKind.Copy).Sum(o => o.Length);
        int literal = ops.Where(o => o.Kind == PatchOpKind.Literal).Sum(o => o.Length);
        return new DeltaDiffResult([.. encoder._output], ops.Count(o => o.Kind == PatchOpKind.Copy), encoder._edits, copied, literal, encoder._costBits)
        {
            Segments = segments.Count,
            MatchedBytes = ops.Where(o => o.Kind == PatchOpKind.Match).Sum(o => o.Length),
        };
    }

    private void WriteHeader()
    {
        Span<byte> header = stackalloc byte[PatchFormat.HeaderSize];
        header.Clear();
        PatchFormat.Magic.CopyTo(header);
        header[4] = PatchFormat.Version;
        BinaryPrimitives.WriteUInt32BigEndian(header[8..], (uint)_old.Length);
        BinaryPrimitives.WriteUInt32BigEndian(header[12..], (uint)_new.Length);
        foreach (var b in header) _output.Add(b);
        _costBits[(int)PatchCostCategory.Tables] += PatchFormat.HeaderSize * 8;
    }

    /// <summary>
    /// Codes the segment with each of its candidate prefix options, side by side (each with a writer of
    /// its own), and writes the smallest; the first of equal sizes, so the patch does not depend on timing.
    /// </summary>
    private void WriteSegment(PatchSegment segment, SegmentSymbolWriter writer)
    {
        var options = CandidatePrefixes.Options(_old, _new, segment.Ops);
        var coded = new (List<CodedSymbol> Symbols, byte[][] Lengths, long Bits, int Edits)[options.Count];
        Parallel.For(0, options.Count, i => coded[i] = CodeWith(i == 0 ? writer : new SegmentSymbolWriter(_old, _new), segment, options[i]));
        var best = coded[0];
        foreach (var option in coded.Skip(1))
        {
            if (option.Bits < best.Bits) best = option;
        }
        _edits += best.Edits;

        _output.AddRange(CodeSegment(segment.End - segment.Start, best.Symbols, best.Lengths, _costBits));
    }

    /// <summary>The segment's symbols with <paramref name="candidates"/>, each pass priced by the one before; their lengths and coded bits.</summary>
    private (List<CodedSymbol> Symbols, byte[][] Lengths, long Bits, int Edits) CodeWith(SegmentSymbolWriter writer, PatchSegment segment, CandidatePrefixes candidates)
    {
        var symbols = writer.Write(segment.Ops, null, candidates);
        byte[][] lengths = CodeLengths(symbols);
        for (int pass = 1; pass < _options.PricingPasses; pass++)
        {
            symbols = writer.Write(segment.Ops, lengths, candidates);
            lengths = CodeLengths(symbols);
        }
        long bits = CodeLengthWriter.Bits(lengths);
        foreach (var symbol in symbols) bits += (symbol.Alphabet >= 0 ? lengths[symbol.Alphabet][symbol.Symbol] : 0) + symbol.ExtraBits;
        return (symbols, lengths, bits, writer.Edits);
    }

    /// <summary>
    /// A segment's bytes: its header (new length, coded length), the code-length code and tables for
    /// <paramref name="lengths"/> (null: the lengths <paramref name="symbols"/> need), then the symbols and
    /// zero padding. Adds the bits written to <paramref name="costBits"/> by category when given.
    /// </summary>
    internal static List<byte> CodeSegment(int newLength, IReadOnlyList<CodedSymbol> symbols, byte[][]? lengths = null, long[]? costBits = null)
    {
        lengths ??= CodeLengths(symbols);
        var coded = new List<byte>();
        var bits = new BitWriter(coded);
        CodeLengthWriter.Write(bits, lengths);
        long tableBits = bits.BitPosition;
        var codes = lengths.Select(HuffmanCode.Codes).ToArray();
        foreach (var symbol in symbols)
        {
            long before = bits.BitPosition;
            if (symbol.Alphabet >= 0) bits.WriteBits(codes[symbol.Alphabet][symbol.Symbol], lengths[symbol.Alphabet][symbol.Symbol]);
            bits.WriteBits(symbol.Extra, symbol.ExtraBits);
            if (costBits is not null) costBits[(int)symbol.Category] += bits.BitPosition - before;
        }
        long end = bits.BitPosition;
        bits.AlignToByte();
        if (costBits is not null) costBits[(int)PatchCostCategory.Tables] += tableBits + (bits.BitPosition - end) + PatchFormat.SegmentHeaderSize * 8;

        var segment = new List<byte>(PatchFormat.SegmentHeaderSize + coded.Count);
        Span<byte> header = stackalloc byte[PatchFormat.SegmentHeaderSize];
        BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)newLength);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)coded.Count);
        foreach (var b in header) segment.Add(b);
        segment.AddRange(coded);
        return segment;
    }

    /// <summary>The code lengths of each alphabet for the counts of <paramref name="symbols"/>.</summary>
    private static byte[][] CodeLengths(IReadOnlyList<CodedSymbol> symbols)
    {
        var counts = new long[PatchFormat.TableCount][];
        for (int a = 0; a < PatchFormat.TableCount; a++) counts[a] = new long[PatchFormat.SymbolCount(a)];
        foreach (var symbol in symbols)
        {
            if (symbol.Alphabet >= 0) counts[symbol.Alphabet][symbol.Symbol]++;
        }
        var lengths = new byte[PatchFormat.TableCount][];
        for (int a = 0; a < PatchFormat.TableCount; a++) lengths[a] = HuffmanCode.Lengths(counts[a], PatchFormat.CodeBits(a));
        return lengths;
    }
}
