using SecureOta.Build.Delta;
using SecureOta.Device.Core.Delta;

namespace SecureOta.Tests.Delta;

/// <summary>
/// Where the encoder cuts a patch into segments (<see cref="PatchSegmenter"/>): the cut from estimates is
/// refined with exact segment sizes (<see cref="SegmentPricer"/>), and the refinement only ever lowers the
/// price it minimises: the coded bytes plus the device's read cost of each segment's tables.
/// </summary>
public sealed class SegmentCutTests
{
    /// <summary>The price of a segment's tables to the device, in bits (PatchSegmenter.ReadCostBits).</summary>
    private const long ReadCostBits = 800;

    private const int Chunk = PatchFormat.SegmentAlignment;

    [Fact]
    public void Refined_cut_never_costs_more_than_the_estimated_cut()
    {
        // Regions of different statistics, some a chunk or two long, so the estimate has choices to get wrong.
        var image = Regions(7, [(3, 0), (1, 1), (5, 2), (2, 1), (6, 0), (1, 2), (4, 3), (2, 0)]);
        var ops = EmptyBaseOps(image);

        var estimated = PatchSegmenter.Cut(ops, [], image, 16 * 4096, refine: false);
        var refined = PatchSegmenter.Cut(ops, [], image, 16 * 4096);

        var pricer = Pricer(ops, image);
        Assert.True(Price(pricer, refined) <= Price(pricer, estimated),
            $"refined cut {string.Join(",", refined)} costs {Price(pricer, refined)} bits, the estimated one {string.Join(",", estimated)} {Price(pricer, estimated)}");
    }

    [Fact]
    public void Image_of_one_statistics_is_not_cut()
    {
        // Sixteen chunks from one source: separate tables would cost more than they save.
        var image = Regions(3, [(16, 0)]);
        var ops = EmptyBaseOps(image);

        Assert.Empty(PatchSegmenter.Cut(ops, [], image, 16 * 4096));
    }

    [Fact]
    public void Image_is_cut_where_its_statistics_change()
    {
        // Eight chunks of text-like bytes, then eight of code-like words: a cut at the change, and none in
        // the first region (exact pricing may still split the second where its random words favour it).
        var image = Regions(5, [(8, 0), (8, 3)]);
        var ops = EmptyBaseOps(image);

        var cuts = PatchSegmenter.Cut(ops, [], image, 16 * 4096);
        Assert.Equal(8 * Chunk, Assert.Single(cuts, c => c <= 8 * Chunk));
        PatchRun.RoundTrip([], image);
    }

    [Fact]
    public void Refined_cut_keeps_segments_within_the_size_limit()
    {
        // Nearly incompressible bytes: a 16 KiB limit allows about four chunks per segment.
        var image = Regions(11, [(24, 4)]);
        var ops = EmptyBaseOps(image);
        int limit = 16 * 1024;

        var cuts = PatchSegmenter.Cut(ops, [], image, limit);
        var pricer = Pricer(ops, image);
        var bounds = Bounds(cuts, image.Length);
        for (int k = 0; k + 1 < bounds.Count; k++)
        {
            long bits = pricer.Bits(bounds[k] / Chunk, bounds[k + 1] / Chunk);
            Assert.True(bits <= 8L * limit, $"segment {k} is {bits / 8} bytes, the limit {limit}");
        }
    }

    [Fact]
    public void Segment_price_is_the_size_the_encoder_writes()
    {
        // One segment priced from its symbol counts against the bytes CodeSegment writes for them (small
        // numbers: no code reaches its length limit, where the price takes near-optimal lengths).
        var image = Regions(13, [(1, 1)]);
        var ops = EmptyBaseOps(image);
        var symbols = new SegmentSymbolWriter([], image).Write(ops, null);

        long priced = new SegmentPricer([symbols]).Bits(0, 1);

        Assert.Equal(PatchStreamEncoder.CodeSegment(image.Length, symbols).Count * 8L, priced);
    }

    private static List<PatchOp> EmptyBaseOps(byte[] image)
    {
        var blocks = DeltaParser.Parse([], image, DeltaParserOptions.Default);
        return PatchOperations.Build([], image, blocks, 16 * 4096).Ops;
    }

    private static SegmentPricer Pricer(List<PatchOp> ops, byte[] image)
    {
        var chunks = Enumerable.Range(1, (image.Length + Chunk - 1) / Chunk - 1).Select(c => c * Chunk).ToList();
        var writer = new SegmentSymbolWriter([], image);
        return new SegmentPricer(PatchSegmenter.SplitAt(ops, chunks, image.Length).Select(s => writer.Write(s.Ops, null)).ToList());
    }

    /// <summary>The exact bits of the segments <paramref name="cuts"/> makes plus each one's read cost.</summary>
    private static long Price(SegmentPricer pricer, List<int> cuts)
    {
        var bounds = Bounds(cuts, pricer.Chunks * Chunk);
        long total = 0;
        for (int k = 0; k + 1 < bounds.Count; k++) total += pricer.Bits(bounds[k] / Chunk, bounds[k + 1] / Chunk) + ReadCostBits;
        return total;
    }

    private static List<int> Bounds(List<int> cuts, int length) => [0, .. cuts, (length + Chunk - 1) / Chunk * Chunk];

    /// <summary>
    /// An image of (chunks, kind) regions: 0 text-like (a few dozen letters, skewed), 1 small numbers, 2 a
    /// repeating table with variations, 3 code-like little-endian words, 4 uniform random bytes.
    /// </summary>
    private static byte[] Regions(int seed, (int Chunks, int Kind)[] regions)
    {
        var random = new Random(seed);
        var image = new byte[regions.Sum(r => r.Chunks) * Chunk];
        int at = 0;
        foreach (var (chunks, kind) in regions)
        {
            int end = at + chunks * Chunk;
            for (; at < end; at++)
            {
                image[at] = kind switch
                {
                    0 => (byte)('a' + (int)(26 * Math.Pow(random.NextDouble(), 2))),
                    1 => (byte)random.Next(12),
                    2 => (byte)((at % 48) * 5 + (random.Next(8) == 0 ? random.Next(4) : 0)),
                    3 => (at & 3) switch { 0 => (byte)random.Next(256), 1 => (byte)random.Next(64), 2 => 0x08, _ => 0x40 },
                    _ => (byte)random.Next(256),
                };
            }
        }
        return image;
    }
}
