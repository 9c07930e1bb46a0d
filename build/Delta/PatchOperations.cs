using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.Delta;

/// <summary>
/// Turns the parser's block cover of the new image into the operations a patch codes: each copy run,
/// then its literal stretch cut into literals and matches by <see cref="NewImageMatcher"/>, parsed
/// several times (each pass after the first priced, segment by segment, with the code lengths of the
/// symbols the pass before chose); long fills inside copies become fills.
/// </summary>
internal static class PatchOperations
{
    /// <summary>Minimum run of the byte before that turns part of a copy into a fill.</summary>
    private const int FillInCopy = 512;

    /// <summary>Parses of the literal stretches: each after the first is priced by the one before.</summary>
    private const int ParsePasses = 5;

    /// <summary>
    /// Where literals and matches are most of the new image (little or nothing to copy from the old one: a first
    /// image, a rewritten one), the parse is most of the patch and worth more effort: two more passes and a deeper
    /// match search. On the shared pairs from an empty base that is 10-20 bytes in 400 KB (idf-hello's patch
    /// reaches zstd -19's size); those diffs take 0.8-3.3 s (Bench, median of 5). Real pairs never take this path.
    /// </summary>
    private const int MostlyParsedExtraPasses = 2;

    private const int MostlyParsedChainDepth = 1536;

    /// <summary>
    /// The operations and the cut into segments (byte offsets of the segment starts after the first):
    /// the last parse is priced by the cut found, exactly, on the parse before it, so the segments are
    /// coded with the tables the parse was priced for.
    /// </summary>
    public static (List<PatchOp> Ops, List<int> Cuts) Build(byte[] oldImage, byte[] newImage, IReadOnlyList<PatchBlock> blocks, int maxSegmentBytes)
    {
        Check(oldImage, newImage, blocks);
        List<PatchOp> ops = [];
        List<int> cuts = [];
        bool mostlyParsed = MostlyParsed(blocks, newImage.Length);
        var matcher = new NewImageMatcher(newImage) { ChainDepth = mostlyParsed ? MostlyParsedChainDepth : NewImageMatcher.DefaultChainDepth };
        int passes = mostlyParsed ? ParsePasses + MostlyParsedExtraPasses : ParsePasses;
        for (int pass = 0; pass < passes; pass++)
        {
            // A cut costs about as much as a pass: one after the first pass prices the next ones (its exact
            // refinement only pays where the parse is most of the patch), one before the last is kept.
            // Where copies are most of the patch, the refinement adds no segment: a segment's tables cost
            // the device more per byte saved there (the patcher's IL per output byte is guarded).
            if (pass == 1) cuts = PatchSegmenter.Cut(ops, oldImage, newImage, maxSegmentBytes, refine: mostlyParsed);
            if (pass == passes - 1) cuts = PatchSegmenter.Cut(ops, oldImage, newImage, maxSegmentBytes, addSegments: mostlyParsed);
            if (pass > 0) matcher.UsePrices(SegmentPrices(PatchSegmenter.SplitAt(ops, cuts, newImage.Length), ops, newImage));
            ops = new List<PatchOp>();
            int newPosition = 0;
            foreach (var block in blocks)
            {
                if (block.CopyLength > 0) ops.Add(new PatchOp(PatchOpKind.Copy, newPosition, block.CopyLength, block.OldStart));
                newPosition += block.CopyLength;
                if (block.LiteralLength > 0) matcher.Parse(newPosition, block.LiteralLength, ops);
                newPosition += block.LiteralLength;
            }
            ops = MergeFills(ops, newImage);
        }
        return (ops, cuts);
    }

    /// <summary>Whether the literal stretches (the parse's input) are more than half of the new image.</summary>
    private static bool MostlyParsed(IReadOnlyList<PatchBlock> blocks, int newLength) =>
        2L * blocks.Sum(b => (long)b.LiteralLength) > newLength;

    /// <summary>
    /// Prices per 4096-byte chunk: those of the symbols <paramref name="ops"/> chose in the chunk's segment
    /// (an operation counts in the segment it starts in).
    /// </summary>
    private static Func<int, MatchPrices> SegmentPrices(List<PatchSegment> segments, List<PatchOp> ops, byte[] newImage)
    {
        var segmentOf = new int[newImage.Length / PatchFormat.SegmentAlignment + 1];
        var opsOf = new List<PatchOp>[segments.Count];
        for (int k = 0; k < segments.Count; k++)
        {
            opsOf[k] = [];
            for (int c = segments[k].Start / PatchFormat.SegmentAlignment; c * PatchFormat.SegmentAlignment < segments[k].End; c++) segmentOf[c] = k;
        }
        if (segments.Count == 0) return _ => MatchPrices.FromOps(ops, newImage);
        foreach (var op in ops) opsOf[segmentOf[op.NewStart / PatchFormat.SegmentAlignment]].Add(op);
        var prices = opsOf.Select(o => MatchPrices.FromOps(o, newImage)).ToArray();
        return c => prices[segmentOf[c]];
    }

    private static void Check(byte[] oldImage, byte[] newImage, IReadOnlyList<PatchBlock> blocks)
    {
        int newPosition = 0;
        for (int i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (block.CopyLength < 0 || block.LiteralLength < 0 || block.CopyLength + block.LiteralLength == 0)
                throw new ArgumentException($"block {i} is empty or negative", nameof(blocks));
            if (block.CopyLength > newImage.Length - newPosition || block.LiteralLength > newImage.Length - newPosition - block.CopyLength)
                throw new ArgumentException($"block {i} runs past the new image", nameof(blocks));
            if (block.CopyLength > 0 && (block.OldStart < 0 || block.OldStart > oldImage.Length - block.CopyLength))
                throw new ArgumentException($"block {i} copies outside the old image", nameof(blocks));
            newPosition += block.CopyLength + block.LiteralLength;
        }
        if (newPosition != newImage.Length) throw new ArgumentException("the blocks do not cover the new image", nameof(blocks));
    }

    /// <summary>
    /// Long fills inside copies, and copies that are nothing but a fill, become fills (the old image
    /// rarely holds a long run of the same byte, so the parser covers a long fill with many short
    /// copies), and fills that touch merge into one.
    /// </summary>
    private static List<PatchOp> MergeFills(List<PatchOp> ops, byte[] newImage)
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
                int before = p > 0 ? newImage[p - 1] : 0;
                int run = 0;
                while (p + run < op.NewEnd && newImage[p + run] == before) run++;
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
            if (merged.Count > 0 && IsFill(merged[^1]) && (IsFill(op) || (op.Kind == PatchOpKind.Literal && AllEqual(op, newImage[op.NewStart - 1]))))
                merged[^1] = merged[^1] with { Length = merged[^1].Length + op.Length };
            else merged.Add(op);
        }
        return merged;

        static bool IsFill(PatchOp op) => op.Kind == PatchOpKind.Match && op.Distance == 1;
        bool AllEqual(PatchOp op, byte value) => newImage.AsSpan(op.NewStart, op.Length).IndexOfAnyExcept(value) < 0;
    }
}
