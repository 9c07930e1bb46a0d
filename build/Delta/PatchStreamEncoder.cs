using System.Buffers.Binary;
using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.Delta;

/// <summary>
/// Writes a patch (docs/PROTOCOL.md section 11a, version 2) for a given block cover of the new image:
/// the header, then segments. The literal stretches between copy runs are cut into literals and
/// matches; the operations are cut into segments at 4096-byte boundaries of the new image once a
/// segment holds about <see cref="PatchEncoderOptions.SegmentTargetBytes"/> of coded work; each segment
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
        var ops = encoder.Operations(blocks);
        encoder.WriteHeader();
        var segments = PatchSegmenter.Split(ops, oldImage, newImage, encoder._options.SegmentTargetBytes);
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

    /// <summary>The blocks as operations: each copy run, then its literal stretch cut into literals and matches.</summary>
    private List<PatchOp> Operations(IReadOnlyList<PatchBlock> blocks)
    {
        var matcher = new NewImageMatcher(_new);
        var ops = new List<PatchOp>();
        int newPosition = 0;
        for (int i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (block.CopyLength < 0 || block.LiteralLength < 0 || block.CopyLength + block.LiteralLength == 0)
                throw new ArgumentException($"block {i} is empty or negative", nameof(blocks));
            if (block.CopyLength > _new.Length - newPosition || block.LiteralLength > _new.Length - newPosition - block.CopyLength)
                throw new ArgumentException($"block {i} runs past the new image", nameof(blocks));
            if (block.CopyLength > 0 && (block.OldStart < 0 || block.OldStart > _old.Length - block.CopyLength))
                throw new ArgumentException($"block {i} copies outside the old image", nameof(blocks));
            if (block.CopyLength > 0) ops.Add(new PatchOp(PatchOpKind.Copy, newPosition, block.CopyLength, block.OldStart));
            newPosition += block.CopyLength;
            if (block.LiteralLength > 0) matcher.Parse(newPosition, block.LiteralLength, ops);
            newPosition += block.LiteralLength;
        }
        if (newPosition != _new.Length) throw new ArgumentException("the blocks do not cover the new image", nameof(blocks));
        return MergeFills(ops);
    }

    /// <summary>Minimum run of the byte before that turns part of a copy into a fill.</summary>
    private const int FillInCopy = 512;

    /// <summary>
    /// Long fills inside copies, and copies that are nothing but a fill, become fills (the old image
    /// rarely holds a long run of the same byte, so the parser covers a long fill with many short
    /// copies), and fills that touch merge into one.
    /// </summary>
    private List<PatchOp> MergeFills(List<PatchOp> ops)
    {
        var split = new List<PatchOp>(ops.Count);
        foreach (var op in ops)
        {
            if (op.Kind != PatchOpKind.Copy)
            {
                split.Add(op);
                continue;
            }
            int start = op.NewStart;
            int p = op.NewStart;
            while (p < op.NewEnd)
            {
                int before = p > 0 ? _new[p - 1] : 0;
                int run = 0;
                while (p + run < op.NewEnd && _new[p + run] == before) run++;
                bool wholeCopy = p == op.NewStart && run == op.Length && run >= PatchFormat.MinMatch;
                if (run < FillInCopy && !wholeCopy)
                {
                    p += Math.Max(run, 1);
                    continue;
                }
                if (p > start) split.Add(new PatchOp(PatchOpKind.Copy, start, p - start, op.OldStart + (start - op.NewStart)));
                split.Add(new PatchOp(PatchOpKind.Match, p, run, Distance: 1));
                p += run;
                start = p;
            }
            if (op.NewEnd > start) split.Add(new PatchOp(PatchOpKind.Copy, start, op.NewEnd - start, op.OldStart + (start - op.NewStart)));
        }
        var merged = new List<PatchOp>(split.Count);
        foreach (var op in split)
        {
            if (merged.Count > 0 && IsFill(merged[^1]) && (IsFill(op) || (op.Kind == PatchOpKind.Literal && AllEqual(op, _new[op.NewStart - 1]))))
                merged[^1] = merged[^1] with { Length = merged[^1].Length + op.Length };
            else merged.Add(op);
        }
        return merged;

        static bool IsFill(PatchOp op) => op.Kind == PatchOpKind.Match && op.Distance == 1;
        bool AllEqual(PatchOp op, byte value) => _new.AsSpan(op.NewStart, op.Length).IndexOfAnyExcept(value) < 0;
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

    private void WriteSegment(PatchSegment segment, SegmentSymbolWriter writer)
    {
        var symbols = writer.Write(segment.Ops, null);
        byte[][] lengths = CodeLengths(symbols);
        for (int pass = 1; pass < _options.PricingPasses; pass++)
        {
            symbols = writer.Write(segment.Ops, lengths);
            lengths = CodeLengths(symbols);
        }
        _edits += writer.Edits;

        _output.AddRange(CodeSegment(segment.End - segment.Start, symbols, lengths, _costBits));
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
