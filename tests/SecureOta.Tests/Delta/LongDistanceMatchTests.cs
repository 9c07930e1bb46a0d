using SecureOta.Build.Delta;
using SecureOta.Device.Core.Delta;

namespace SecureOta.Tests.Delta;

/// <summary>
/// A match (docs/PROTOCOL.md section 11a.5, format version 3 on) copies from any earlier byte of the new image:
/// from chunks already written (read back from the target), from earlier segments, across chunk
/// boundaries, and overlapping itself byte by byte, exactly as a byte-at-a-time copy would.
/// </summary>
public sealed class LongDistanceMatchTests
{
    [Fact]
    public void Match_copies_bytes_of_an_earlier_chunk_read_back_from_the_target()
    {
        var head = TestImages.Random(5000, 71);
        var patch = Literals(new CraftedPatch(0, 10_000).Segment(10_000), head).Match(5000, 5000).Finish();

        var run = PatchRun.Apply([], patch);

        Assert.True(run.Succeeded, run.Failure?.ToString());
        Assert.Equal(head.Concat(head).ToArray(), run.Output);
        Assert.Equal(5000, run.Statistics.MatchedBytes);
    }

    [Fact]
    public void Overlapping_match_repeats_its_period_across_chunk_boundaries()
    {
        var patch = new CraftedPatch(0, 9003).Segment(9003).Literal(1).Literal(2).Literal(3).Match(9000, 3).Finish();

        var run = PatchRun.Apply([], patch);

        Assert.True(run.Succeeded, run.Failure?.ToString());
        Assert.Equal(Enumerable.Range(0, 9003).Select(i => (byte)(1 + i % 3)).ToArray(), run.Output);
    }

    [Fact]
    public void Match_reaches_into_an_earlier_segment()
    {
        var head = TestImages.Random(4096, 72);
        var patch = Literals(new CraftedPatch(0, 8192).Segment(4096), head).Segment(4096).Match(4096, 4096).Finish();

        var run = PatchRun.Apply([], patch);

        Assert.True(run.Succeeded, run.Failure?.ToString());
        Assert.Equal(head.Concat(head).ToArray(), run.Output);
    }

    [Theory]
    [InlineData(73)]
    [InlineData(74)]
    [InlineData(75)]
    public void Random_matches_of_any_distance_and_length_decode_like_a_byte_by_byte_copy(int seed)
    {
        var random = new Random(seed);
        const int size = 40_000;
        var expected = new List<byte>();
        var patch = new CraftedPatch(0, size);
        int segmentEnd = 0;
        while (expected.Count < size)
        {
            if (expected.Count == segmentEnd)
            {
                int length = Math.Min(size - segmentEnd, 4096 * random.Next(1, 4));
                patch.Segment(length);
                segmentEnd += length;
            }
            int room = segmentEnd - expected.Count;
            if (expected.Count < 2 || room < PatchFormat.MinMatch || random.Next(4) == 0)
            {
                byte value = (byte)random.Next(256);
                patch.Literal(value);
                expected.Add(value);
                continue;
            }
            int distance = random.Next(3) == 0 ? random.Next(2, Math.Min(expected.Count, 12) + 1) : random.Next(2, expected.Count + 1);
            int matchLength = Math.Min(room, random.Next(PatchFormat.MinMatch, 6000));
            patch.Match(matchLength, distance);
            for (int i = 0; i < matchLength; i++) expected.Add(expected[^distance]);
        }

        var run = PatchRun.Apply([], patch.Finish());

        Assert.True(run.Succeeded, run.Failure?.ToString());
        Assert.True(expected.ToArray().AsSpan().SequenceEqual(run.Output), "the output is the byte-by-byte copy");
    }

    [Fact]
    public void Stream_target_reads_back_what_it_wrote_for_a_long_distance_match()
    {
        var head = TestImages.Random(6000, 76);
        var patch = Literals(new CraftedPatch(0, 12_000).Segment(12_000), head).Match(6000, 6000).Finish();
        using var output = new MemoryStream();
        output.Write(new byte[7]);

        bool applied = new DeltaPatcher().TryApply(new MemoryPatchSource(patch), new MemoryBaseImage([]), new StreamTargetImage(output), out var failure);

        Assert.True(applied, failure?.ToString());
        Assert.Equal(new byte[7].Concat(head).Concat(head).ToArray(), output.ToArray());
    }

    [Fact]
    public void Recent_distances_repeat_earlier_matches_most_recent_first()
    {
        // Matches from 5 and then 7 back; recent distance 1 is then 5, recent distance 0 is 7.
        var patch = Literals(new CraftedPatch(0, 23).Segment(23), [1, 2, 3, 4, 5, 6, 7, 8]).Match(3, 5).Match(3, 7)
            .Literal(9).RecentMatch(3, 1).RecentMatch(4, 1).Literal(10).Finish();

        var run = PatchRun.Apply([], patch);

        Assert.True(run.Succeeded, run.Failure?.ToString());
        var expected = new List<byte> { 1, 2, 3, 4, 5, 6, 7, 8 };
        foreach (var (length, distance) in new[] { (3, 5), (3, 7), (0, 0), (3, 5), (4, 7) })
        {
            if (length == 0) expected.Add(9);
            for (int i = 0; i < length; i++) expected.Add(expected[^distance]);
        }
        expected.Add(10);
        Assert.Equal(expected.ToArray(), run.Output);
    }

    [Fact]
    public void Rejects_a_recent_distance_before_any_match()
    {
        var patch = Literals(new CraftedPatch(0, 10).Segment(10), [1, 2, 3, 4]).RecentMatch(3, 0).Finish();
        Assert.Equal(PatchError.MatchOutOfWindow, PatchRun.Apply([], patch).Failure?.Error);
    }

    [Fact]
    public void Recent_distances_start_empty_in_every_segment()
    {
        var head = TestImages.Random(4096, 77);
        var patch = Literals(new CraftedPatch(0, 4096 + 8).Segment(4096), head[..4000]).Match(96, 50).Segment(8).RecentMatch(8, 0).Finish();
        Assert.Equal(PatchError.MatchOutOfWindow, PatchRun.Apply([], patch).Failure?.Error);
    }

    private static CraftedPatch Literals(CraftedPatch patch, byte[] bytes)
    {
        foreach (var b in bytes) patch.Literal(b);
        return patch;
    }
}
