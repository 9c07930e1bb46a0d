using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.Delta;

/// <summary>
/// Cuts the operations into segments (docs/PROTOCOL.md section 11a.3). Every segment starts at a
/// multiple of 4096, has code tables of its own and is a resume point. Where to cut is chosen by cost:
/// the image starts as one piece per 4096-byte chunk, each priced by the entropy of its symbols plus
/// an estimate of its code tables; neighbours merge, the most profitable merge first, while merging
/// saves bits (their statistics are alike) and the segment stays within the size limit (a resume
/// point at least every so many bytes of patch). That cut is then refined with exact sizes
/// (<see cref="SegmentPricer"/>: each segment's own Huffman codes and tables), which the estimate gets
/// wrong by a few percent: segments are split, cuts moved and neighbours merged while that lowers the
/// coded size plus the read cost of the segments. An operation across a boundary is split in two.
/// </summary>
internal static class PatchSegmenter
{
    /// <summary>
    /// What a segment's code tables cost the device to read, priced as bits: about 120,000 interpreted IL
    /// instructions per segment (13 tables of code lengths and lookup entries), so a split must save this
    /// much more than its tables to pay (the patcher's IL per output byte must not grow with smaller patches).
    /// </summary>
    private const double ReadCostBits = 800;

    /// <summary>Rounds of <see cref="Refine"/> at most (each after the first mostly prices cuts it knows).</summary>
    private const int MaxRefineRounds = 4;

    /// <summary>How far (chunks) a cut between two segments is moved at most in one step.</summary>
    private const int MoveReach = 8;

    /// <summary>Cuts tried across a long run before the chunks around the best of them.</summary>
    private const int CoarseCuts = 8;

    /// <summary>A change of the cut must save at least this much (a byte), so rounding noise moves nothing.</summary>
    private const double MinimumGainBits = 8;

    /// <summary>Bits of a segment besides its symbols: header, the code-length code, and its read cost.</summary>
    private const double SegmentBits = 8 * PatchFormat.SegmentHeaderSize + 19 * 3 + 8 + ReadCostBits;

    /// <summary>
    /// Where to cut <paramref name="ops"/> into segments: the new-image offsets of the segment starts after
    /// the first. Refined with exact segment sizes unless <paramref name="refine"/> is false; without
    /// <paramref name="addSegments"/> the refinement splits only a segment above the size limit.
    /// </summary>
    public static List<int> Cut(List<PatchOp> ops, byte[] oldImage, byte[] newImage, int maxSegmentBytes, bool refine = true, bool addSegments = true)
    {
        if (newImage.Length <= PatchFormat.SegmentAlignment) return [];
        int chunks = (newImage.Length + PatchFormat.SegmentAlignment - 1) / PatchFormat.SegmentAlignment;
        var everyChunk = new List<int>();
        for (int c = 1; c < chunks; c++) everyChunk.Add(c * PatchFormat.SegmentAlignment);
        var units = SplitAt(ops, everyChunk, newImage.Length);

        var writer = new SegmentSymbolWriter(oldImage, newImage);
        var symbols = units.Select(u => writer.Write(u.Ops, null)).ToList();
        var pieces = units.Select((u, i) => Piece.Of(u.Start, symbols[i])).ToList();
        double limitBits = maxSegmentBytes * 8.0;
        var gains = new double[pieces.Count];
        for (int i = 0; i + 1 < pieces.Count; i++) gains[i] = Gain(pieces[i], pieces[i + 1], limitBits);
        while (pieces.Count > 1)
        {
            int best = -1;
            for (int i = 0; i + 1 < pieces.Count; i++)
            {
                if (gains[i] > 0 && (best < 0 || gains[i] > gains[best])) best = i;
            }
            if (best < 0) break;
            pieces[best] = pieces[best].Merge(pieces[best + 1]);
            pieces.RemoveAt(best + 1);
            Array.Copy(gains, best + 2, gains, best + 1, pieces.Count - best - 1);
            if (best > 0) gains[best - 1] = Gain(pieces[best - 1], pieces[best], limitBits);
            if (best + 1 < pieces.Count) gains[best] = Gain(pieces[best], pieces[best + 1], limitBits);
        }
        var cuts = pieces.Select(p => p.Start / PatchFormat.SegmentAlignment).Append(units.Count).ToList();
        if (refine) Refine(cuts, new SegmentPricer(symbols), limitBits, addSegments);
        return cuts.Skip(1).SkipLast(1).Select(c => c * PatchFormat.SegmentAlignment).ToList();
    }

    /// <summary>
    /// Improves the cut found from estimates (<paramref name="cuts"/>: chunk indices, 0 first and the chunk
    /// count last) with exact sizes: splits a segment, moves the cut between two neighbours or merges them,
    /// wherever that makes the patch plus the read cost of its segments smaller, until nothing does.
    /// </summary>
    private static void Refine(List<int> cuts, SegmentPricer pricer, double limitBits, bool addSegments)
    {
        double Cost(int from, int to)
        {
            long bits = pricer.Bits(from, to);
            return bits > limitBits && to - from > 1 ? double.PositiveInfinity : bits + ReadCostBits;
        }

        for (int round = 0; round < MaxRefineRounds; round++)
        {
            bool changed = false;
            for (int k = 0; k + 1 < cuts.Count; k++)
            {
                int first = cuts[k], last = cuts[k + 1];
                double whole = Cost(first, last);
                if (!addSegments && !double.IsPositiveInfinity(whole)) continue;
                int at = BestCut(first, last, c => Cost(first, c) + Cost(c, last), out double split);
                if (at < 0 || split >= whole - MinimumGainBits) continue;
                cuts.Insert(k + 1, at);
                changed = true;
                k++;
            }
            for (int k = 1; k + 1 < cuts.Count; k++)
            {
                int from = cuts[k - 1], to = cuts[k + 1];
                double now = Cost(from, cuts[k]) + Cost(cuts[k], to);
                double merged = Cost(from, to);
                int at = BestCut(Math.Max(from, cuts[k] - MoveReach - 1), Math.Min(to, cuts[k] + MoveReach + 1), c => Cost(from, c) + Cost(c, to), out double moved);
                if (merged <= moved && merged < now - MinimumGainBits)
                {
                    cuts.RemoveAt(k);
                    k--;
                    changed = true;
                }
                else if (at != cuts[k] && moved < now - MinimumGainBits)
                {
                    cuts[k] = at;
                    changed = true;
                }
            }
            if (!changed) return;
        }
    }

    /// <summary>
    /// The chunk strictly inside (<paramref name="from"/>, <paramref name="to"/>) where <paramref name="cost"/>
    /// is least, or -1 when there is none: over a long run, every so many chunks first, then each chunk
    /// around the best of those.
    /// </summary>
    private static int BestCut(int from, int to, Func<int, double> cost, out double best)
    {
        int at = -1;
        best = double.PositiveInfinity;
        int step = Math.Max(1, (to - from) / CoarseCuts);
        Scan(from + 1, to - 1, step, ref at, ref best);
        if (step > 1 && at >= 0) Scan(Math.Max(from + 1, at - step + 1), Math.Min(to - 1, at + step - 1), 1, ref at, ref best);
        return at;

        void Scan(int first, int last, int stride, ref int at, ref double best)
        {
            for (int c = first; c <= last; c += stride)
            {
                double total = cost(c);
                if (total < best)
                {
                    best = total;
                    at = c;
                }
            }
        }
    }

    /// <summary>Bits saved by coding two neighbours as one segment; negative when it saves none or would exceed the limit.</summary>
    private static double Gain(Piece first, Piece second, double limitBits)
    {
        var merged = first.Merge(second);
        if (merged.Bits + merged.ExtraBits > limitBits) return -1;
        return first.Bits + second.Bits - merged.Bits;
    }

    /// <summary>The operations cut at <paramref name="boundaries"/> (ascending multiples of 4096 inside the image).</summary>
    public static List<PatchSegment> SplitAt(List<PatchOp> ops, IReadOnlyList<int> boundaries, int newLength)
    {
        if (newLength == 0) return [];
        var segments = new List<PatchSegment>();
        var current = new List<PatchOp>();
        int start = 0;
        int next = 0;
        foreach (var whole in ops)
        {
            var op = whole;
            while (next < boundaries.Count && op.NewEnd > boundaries[next])
            {
                int cut = boundaries[next];
                if (op.NewStart < cut)
                {
                    current.Add(Playable(op.Before(cut)));
                    op = Playable(op.From(cut));
                }
                segments.Add(new PatchSegment(start, cut, current));
                current = [];
                start = cut;
                next++;
            }
            current.Add(op);
        }
        segments.Add(new PatchSegment(start, newLength, current));
        return segments;
    }

    /// <summary>A piece of a split fill or match shorter than a match can be is coded as literals.</summary>
    private static PatchOp Playable(PatchOp op) =>
        op.Kind == PatchOpKind.Match && op.Length < PatchFormat.MinMatch ? new PatchOp(PatchOpKind.Literal, op.NewStart, op.Length) : op;

    /// <summary>A run of chunks priced as one segment: its symbol counts per table and their estimated bits.</summary>
    private sealed class Piece
    {
        private static readonly int[] TableStart = BuildTableStarts();

        private readonly long[] _counts;

        private Piece(int start, long[] counts, double extraBits)
        {
            Start = start;
            _counts = counts;
            ExtraBits = extraBits;
            Bits = Estimate(counts);
        }

        public int Start { get; }

        /// <summary>Estimated bits of the symbols (their entropy) and code tables.</summary>
        public double Bits { get; }

        /// <summary>Bits written as they are (extra bits of numbers), whatever the tables.</summary>
        public double ExtraBits { get; }

        public static Piece Of(int start, List<CodedSymbol> symbols)
        {
            var counts = new long[TableStart[^1]];
            double extra = 0;
            foreach (var symbol in symbols)
            {
                if (symbol.Alphabet >= 0) counts[TableStart[symbol.Alphabet] + symbol.Symbol]++;
                extra += symbol.ExtraBits;
            }
            return new Piece(start, counts, extra);
        }

        public Piece Merge(Piece next)
        {
            var counts = new long[_counts.Length];
            for (int i = 0; i < counts.Length; i++) counts[i] = _counts[i] + next._counts[i];
            return new Piece(Start, counts, ExtraBits + next.ExtraBits);
        }

        private static double Estimate(long[] counts)
        {
            double bits = SegmentBits;
            for (int table = 0; table < PatchFormat.TableCount; table++)
            {
                long total = 0;
                double sum = 0;
                int used = 0, gaps = 0;
                bool inGap = false;
                for (int i = TableStart[table]; i < TableStart[table + 1]; i++)
                {
                    long c = counts[i];
                    if (c == 0)
                    {
                        if (!inGap) gaps++;
                        inGap = true;
                        continue;
                    }
                    inGap = false;
                    used++;
                    total += c;
                    sum += c * Math.Log2(c);
                }
                // Entropy of the symbols (a lone symbol still costs a bit), and about 3.5 bits per code length and 6 per run of unused symbols.
                bits += used == 1 ? total : total * Math.Log2(Math.Max(total, 1)) - sum;
                bits += used == 0 ? 6 : 3.5 * used + 6 * gaps;
            }
            return bits;
        }

        private static int[] BuildTableStarts()
        {
            var starts = new int[PatchFormat.TableCount + 1];
            for (int t = 0; t < PatchFormat.TableCount; t++) starts[t + 1] = starts[t] + PatchFormat.SymbolCount(t);
            return starts;
        }
    }
}
