using SecureOta.Device.Core.Delta;

namespace SecureOta.Tests.Delta;

/// <summary>
/// Matches of 3 to 9 bytes are decoded and copied inside the patcher's literal loop when they come from
/// the window and stay in its chunk; every other short match (a fill, a recent distance not yet set, one
/// reaching before the window or across the chunk's or the segment's end) leaves the loop with its length
/// and distance. These pin both routes: the same bytes and statistics, the same typed errors.
/// </summary>
public sealed class ShortMatchTests
{
    [Fact]
    public void Short_matches_overlapping_themselves_repeat_their_period_and_are_counted_as_matched()
    {
        var patch = new CraftedPatch(0, 15).Segment(15)
            .Literal(1).Literal(2).Match(9, 2).Literal(7).Match(3, 4)
            .Finish();
        var run = PatchRun.Apply([], patch);
        Assert.True(run.Succeeded, run.Failure?.ToString());
        Assert.Equal(new byte[] { 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 7, 1, 2, 1 }, run.Output);
        Assert.Equal(12, run.Statistics.MatchedBytes);
        Assert.Equal(3, run.Statistics.LiteralBytes);
    }

    [Fact]
    public void A_short_match_across_the_chunk_end_continues_in_the_next_chunk()
    {
        // 4094 bytes repeating 1 2 3, then a 5-byte match from 3 back that crosses the 4096-byte chunk end.
        var patch = new CraftedPatch(0, 4099).Segment(4099)
            .Literal(1).Literal(2).Literal(3).Match(4091, 3).Match(5, 3)
            .Finish();
        var run = PatchRun.Apply([], patch);
        Assert.True(run.Succeeded, run.Failure?.ToString());
        Assert.Equal(Enumerable.Range(0, 4099).Select(i => (byte)(1 + i % 3)).ToArray(), run.Output);
    }

    [Fact]
    public void A_short_match_from_before_the_window_reads_the_earlier_chunk_back()
    {
        var first = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7)).ToArray();
        var crafted = new CraftedPatch(0, 4103).Segment(4096);
        foreach (var value in first) crafted.Literal(value);
        var patch = crafted.Segment(7).Literal(200).Literal(201).Match(5, 10).Finish();
        var run = PatchRun.Apply([], patch);
        Assert.True(run.Succeeded, run.Failure?.ToString());
        Assert.Equal([.. first, 200, 201, .. first.AsSpan(4088, 5)], run.Output);
    }

    [Fact]
    public void Rejects_a_short_match_from_a_recent_distance_not_yet_set()
    {
        var patch = new CraftedPatch(0, 6).Segment(6).Literal(1).Literal(2).Literal(3).RecentMatch(3, 1).Finish();
        var run = PatchRun.Apply([], patch);
        Assert.False(run.Succeeded);
        Assert.Equal(PatchError.MatchOutOfWindow, run.Failure!.Error);
    }

    [Fact]
    public void Rejects_a_short_match_past_its_segment()
    {
        var patch = new CraftedPatch(0, 5).Segment(5).Literal(1).Literal(2).Match(4, 2).Finish();
        var run = PatchRun.Apply([], patch);
        Assert.False(run.Succeeded);
        Assert.Equal(PatchError.WritesPastEnd, run.Failure!.Error);
    }
}
