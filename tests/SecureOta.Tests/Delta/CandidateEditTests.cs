using System.Buffers.Binary;
using SecureOta.Build.Delta;
using SecureOta.Device.Core.Delta;

namespace SecureOta.Tests.Delta;

/// <summary>
/// Candidate edits (docs/PROTOCOL.md section 11a.5.2): an edit named as the n-th aligned word of its copy run
/// whose top 12 bits are one of the segment's prefixes, read as the run holds it at that moment.
/// </summary>
public sealed class CandidateEditTests
{
    /// <summary>Six words: 0x11111111, 0x3F400010, 0x22222222, 0x3F400020, 0x3F500030, 0x3F400040.</summary>
    private static readonly byte[] Words = WordsOf(0x11111111, 0x3F400010, 0x22222222, 0x3F400020, 0x3F500030, 0x3F400040);

    [Fact]
    public void A_candidate_edit_lands_on_the_ranked_word_whose_top_bits_are_a_prefix()
    {
        // From offset 0 the candidates are words 1, 3 and 5 (word 4's prefix 0x3f5 is not listed): rank 1 is
        // word 3. After it the cursor is at 13, so rank 0 is word 5.
        var patch = new CraftedPatch(24, 24).Segment(24, 0x3F4)
            .Block(0).Copy(24).CandidateEdit(1, 0x100).CandidateEdit(0, 5).EndEdits()
            .Finish();

        var run = PatchRun.Apply(Words, patch);

        Assert.True(run.Succeeded, run.Failure?.ToString());
        Assert.Equal(WordsOf(0x11111111, 0x3F400010, 0x22222222, 0x3F400120, 0x3F500030, 0x3F400045), run.Output);
    }

    [Fact]
    public void Candidate_words_are_aligned_in_the_new_image_not_in_the_base()
    {
        // A literal first: the run's new offset is 1, so its aligned words start at run offset 3, old bytes
        // 3..6 (11 10 00 40), whose top 12 bits are 0x400.
        var patch = new CraftedPatch(24, 24).Segment(24, 0x400)
            .Literal(0xAA).Block(1).Copy(23).CandidateEdit(0, 1).EndEdits()
            .Finish();

        var run = PatchRun.Apply(Words, patch);

        Assert.True(run.Succeeded, run.Failure?.ToString());
        var expected = new byte[24];
        expected[0] = 0xAA;
        Array.Copy(Words, 0, expected, 1, 23);
        expected[4]++;
        Assert.Equal(expected, run.Output);
    }

    [Fact]
    public void A_candidate_word_is_read_as_the_edits_before_it_left_it()
    {
        // Word 2 starts as 0x3F3F0000 (prefix 0x3f3); the edit at offset 7 adds 1 to its byte 10, making it
        // 0x3F400000: the candidate search from offset 8 finds word 2, not word 3.
        var old = WordsOf(0x11111111, 0x11111111, 0x3F3F0000, 0x3F400020);
        var patch = new CraftedPatch(16, 16).Segment(16, 0x3F4)
            .Block(0).Copy(16).Edit(7, 0x01000000).CandidateEdit(0, 5).EndEdits()
            .Finish();

        var run = PatchRun.Apply(old, patch);

        Assert.True(run.Succeeded, run.Failure?.ToString());
        Assert.Equal(WordsOf(0x11111111, 0x11111111, 0x3F400005, 0x3F400020), run.Output);
    }

    [Theory]
    [InlineData(4096)]
    [InlineData(4100)]
    [InlineData(9000)]
    public void A_candidate_search_loads_and_flushes_a_run_that_outgrows_the_output_window(int first)
    {
        // A 12 KiB run of zeros with two pointers: the search for each reads past what the window holds,
        // writing full chunks out as it goes; the second edit's predicted value is learned from the first.
        var old = new byte[12288];
        BinaryPrimitives.WriteUInt32LittleEndian(old.AsSpan(first), 0x3F400000);
        BinaryPrimitives.WriteUInt32LittleEndian(old.AsSpan(12000), 0x3F400010);
        var expected = (byte[])old.Clone();
        expected[first] += 5;
        expected[12000] += 5;
        var patch = new CraftedPatch(old.Length, old.Length).Segment(old.Length, 0x3F4)
            .Block(0).Copy(old.Length).CandidateEdit(0, 5).CandidateEditPredictedA(0).EndEdits()
            .Finish();

        var run = PatchRun.Apply(old, patch);

        Assert.True(run.Succeeded, run.Failure?.ToString());
        Assert.Equal(expected, run.Output);
        Assert.Equal(2, run.Statistics.CandidateEdits);
    }

    [Fact]
    public void Rejects_a_candidate_edit_past_the_last_word_of_a_run_that_outgrows_the_output_window()
    {
        var old = new byte[12288];
        BinaryPrimitives.WriteUInt32LittleEndian(old.AsSpan(9000), 0x3F400000);
        var patch = new CraftedPatch(old.Length, old.Length).Segment(old.Length, 0x3F4)
            .Block(0).Copy(old.Length).CandidateEdit(1, 5).EndEdits()
            .Finish();

        var run = PatchRun.Apply(old, patch);

        Assert.False(run.Succeeded);
        Assert.Equal(PatchError.EditOutsideRun, run.Failure!.Error);
    }

    [Theory]
    [InlineData(0x3F6, 0)]
    [InlineData(0x3F4, 3)]
    public void Rejects_a_candidate_edit_whose_run_holds_no_such_word(int prefix, int rank)
    {
        var patch = new CraftedPatch(24, 24).Segment(24, prefix).Block(0).Copy(24).CandidateEdit(rank, 1).EndEdits().Finish();

        Assert.Equal(PatchError.EditOutsideRun, Refusal(patch));
    }

    [Fact]
    public void Rejects_a_candidate_word_cut_by_the_run_end()
    {
        // Word 5 is a candidate only whole: a run of 23 bytes ends inside it.
        var patch = new CraftedPatch(24, 24).Segment(24, 0x3F4).Block(0).Copy(23).CandidateEdit(2, 1).EndEdits().Literal(0).Finish();

        Assert.Equal(PatchError.EditOutsideRun, Refusal(patch));
    }

    [Fact]
    public void Rejects_more_than_four_candidate_prefixes() =>
        Assert.Equal(PatchError.CorruptStream, Refusal(new CraftedPatch(24, 24).Segment(24, 1, 2, 3, 4, 5).Block(0).Copy(24).EndEdits().Finish()));

    [Theory]
    [InlineData(0x3F4, 0x3F4)]
    [InlineData(0x400, 0x3F4)]
    public void Rejects_candidate_prefixes_that_do_not_increase(int first, int second) =>
        Assert.Equal(PatchError.CorruptStream, Refusal(new CraftedPatch(24, 24).Segment(24, first, second).Block(0).Copy(24).EndEdits().Finish()));

    [Fact]
    public void Relocated_pointers_become_candidate_edits_of_about_a_bit_each()
    {
        // 2,000 pointers into a region that moved by 0x40, one in every eight words, among code that did not
        // change: as gaps each costs about 6 bits; as the next candidate with a predicted value, about 1.
        var random = new Random(7);
        var old = new byte[64 * 1024];
        random.NextBytes(old);
        for (int at = 0; at < old.Length; at += 4)
        {
            // No random word looks like a pointer: only the pointers are candidates.
            if ((old[at + 3] & 0xF0) == 0x30) old[at + 3] ^= 0x80;
        }
        var updated = (byte[])old.Clone();
        for (int i = 0; i < 2_000; i++)
        {
            int at = 32 * i + 4 * random.Next(8);
            BinaryPrimitives.WriteUInt32LittleEndian(old.AsSpan(at), 0x3F400000u + (uint)random.Next(0x10000) * 4);
            BinaryPrimitives.WriteUInt32LittleEndian(updated.AsSpan(at), BinaryPrimitives.ReadUInt32LittleEndian(old.AsSpan(at)) + 0x40);
        }

        var result = DeltaDiff.Diff(old, updated);

        Assert.Equal([0x3F4], CandidatePrefixes.Choose(old, updated, [new PatchOp(PatchOpKind.Copy, 0, old.Length)]).Values);
        Assert.True(result.Patch.Length < 600, $"{result.Patch.Length} bytes for 2,000 relocated pointers");
        PatchRun.RoundTrip(old, updated);
    }

    private static PatchError Refusal(byte[] patch)
    {
        var run = PatchRun.Apply((byte[])Words.Clone(), patch);
        Assert.False(run.Succeeded, "the patch was accepted");
        Assert.False(string.IsNullOrWhiteSpace(run.Failure!.Message));
        return run.Failure.Error;
    }

    private static byte[] WordsOf(params uint[] words)
    {
        var bytes = new byte[4 * words.Length];
        for (int i = 0; i < words.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4 * i), words[i]);
        return bytes;
    }
}
