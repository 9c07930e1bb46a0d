using System.Buffers.Binary;
using SecureOta.Build.Delta;
using SecureOta.Device.Core.Delta;

namespace SecureOta.Tests.Delta;

/// <summary>Every kind of malformed patch gives its typed error, never another exception, and never touches the base image.</summary>
public sealed class MalformedPatchTests
{
    private static readonly byte[] OldImage = TestImages.FirmwareLike(4_000, 21);
    private static readonly byte[] NewImage = TestImages.FirmwareLike(4_000, 21, insertAt: 1_000, insertWords: 30);
    private static readonly byte[] ValidPatch = DeltaDiff.Create(OldImage, NewImage);

    private static PatchError Refusal(byte[] patch, byte[]? oldImage = null)
    {
        var baseImage = oldImage ?? OldImage;
        var before = (byte[])baseImage.Clone();
        var run = PatchRun.Apply(baseImage, patch);
        Assert.False(run.Succeeded, "the patch was accepted");
        Assert.Equal(before, baseImage);
        Assert.False(string.IsNullOrWhiteSpace(run.Failure!.Message));
        return run.Failure.Error;
    }

    private static byte[] WithHeaderByte(int at, byte value)
    {
        var patch = (byte[])ValidPatch.Clone();
        patch[at] = value;
        return patch;
    }

    [Fact]
    public void The_valid_patch_applies() => PatchRun.RoundTrip(OldImage, NewImage);

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(PatchFormat.HeaderSize)]
    [InlineData(PatchFormat.HeaderSize + 3)]
    [InlineData(PatchFormat.HeaderSize + PatchFormat.SegmentHeaderSize)]
    public void Rejects_truncated_header_segment_header_or_segment_start(int length) => Assert.Equal(PatchError.Truncated, Refusal(ValidPatch[..length]));

    [Fact]
    public void Rejects_patch_cut_in_the_middle_or_before_its_last_bytes()
    {
        foreach (int cut in new[] { ValidPatch.Length / 2, ValidPatch.Length - 5, ValidPatch.Length - 1 })
        {
            var error = Refusal(ValidPatch[..cut]);
            Assert.True(error is PatchError.Truncated, $"cut at {cut}: {error}");
        }
    }

    [Fact]
    public void Rejects_data_that_is_not_a_patch() => Assert.Equal(PatchError.BadMagic, Refusal(WithHeaderByte(0, (byte)'X')));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Rejects_the_range_coded_version_1_the_chunk_window_version_2_the_candidate_free_version_3_and_later_versions(byte version) => Assert.Equal(PatchError.UnsupportedVersion, Refusal(WithHeaderByte(4, version)));

    [Fact]
    public void Rejects_reserved_header_bytes_set() => Assert.Equal(PatchError.UnsupportedVersion, Refusal(WithHeaderByte(6, 1)));

    [Theory]
    [InlineData(8)]
    [InlineData(12)]
    public void Rejects_declared_sizes_beyond_the_image_limit(int field)
    {
        var patch = (byte[])ValidPatch.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(patch.AsSpan(field), PatchFormat.MaxImageSize + 1u);
        Assert.Equal(PatchError.ImageTooLarge, Refusal(patch));
    }

    [Fact]
    public void Rejects_a_base_image_of_another_size() => Assert.Equal(PatchError.BaseMismatch, Refusal(ValidPatch, OldImage[..^1]));

    [Fact]
    public void Rejects_a_copy_run_past_its_segment()
    {
        var patch = new CraftedPatch(100, 50).Segment(50).Block(0).Copy(51).EndEdits().Finish();
        Assert.Equal(PatchError.WritesPastEnd, Refusal(patch, new byte[100]));
    }

    [Fact]
    public void Rejects_the_largest_copy_length_without_reading_it()
    {
        var patch = new CraftedPatch(100, 50).Segment(50).Block(0).Copy(PatchFormat.MaxNumber).Finish();
        Assert.Equal(PatchError.WritesPastEnd, Refusal(patch, new byte[100]));
    }

    [Fact]
    public void Rejects_a_match_past_its_segment()
    {
        var patch = new CraftedPatch(0, 10).Segment(10).Literal(7).Match(10, 1).Finish();
        Assert.Equal(PatchError.WritesPastEnd, Refusal(patch, []));
    }

    [Fact]
    public void Rejects_a_match_from_before_the_image_start()
    {
        var patch = new CraftedPatch(0, 10).Segment(10).Literal(1).Literal(2).Match(4, 3).Finish();
        Assert.Equal(PatchError.MatchOutOfWindow, Refusal(patch, []));
    }

    [Fact]
    public void Rejects_a_match_in_a_later_segment_from_before_the_image_start()
    {
        var patch = new CraftedPatch(0, 4100).Segment(4096).Match(4096, 1).Segment(4).Match(4, 4097).Finish();
        Assert.Equal(PatchError.MatchOutOfWindow, Refusal(patch, []));
    }

    [Fact]
    public void Rejects_a_copy_that_reads_past_the_old_image()
    {
        var patch = new CraftedPatch(100, 200).Segment(200).Block(0).Copy(101).EndEdits().Finish();
        Assert.Equal(PatchError.OldRangeOutOfBounds, Refusal(patch, new byte[100]));
    }

    [Theory]
    [InlineData(101)]
    [InlineData(-1)]
    [InlineData(PatchFormat.MaxNumber)]
    public void Rejects_a_seek_outside_the_old_image(long delta)
    {
        var patch = new CraftedPatch(100, 50).Segment(50).SeekBy(delta).Copy(1).EndEdits().Finish();
        Assert.Equal(PatchError.OldRangeOutOfBounds, Refusal(patch, new byte[100]));
    }

    [Fact]
    public void Rejects_an_edit_beyond_its_copy_run()
    {
        var patch = new CraftedPatch(100, 50).Segment(50).Block(0).Copy(10).Edit(10, 1).Finish();
        Assert.Equal(PatchError.EditOutsideRun, Refusal(patch, new byte[100]));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 3)]
    [InlineData(10, 10)]
    [InlineData(10, 15)]
    public void Rejects_a_predicted_edit_beyond_its_copy_run(int runLength, int gap)
    {
        // A value the edit table entry carries (no explicit value): the common edit path must still refuse it.
        var patch = new CraftedPatch(100, 50).Segment(50).Block(0).Copy(runLength).EditPredictedA(gap).Finish();
        Assert.Equal(PatchError.EditOutsideRun, Refusal(patch, new byte[100]));
    }

    [Fact]
    public void Applies_edits_across_a_copy_run_that_outgrows_the_output_window()
    {
        var (oldImage, patch, expected) = RunPastTheWindow(lastGap: 7);
        var run = PatchRun.Apply(oldImage, patch);
        Assert.True(run.Succeeded, run.Failure?.ToString());
        Assert.Equal(expected, run.Output);
    }

    [Fact]
    public void Rejects_an_edit_beyond_a_copy_run_that_outgrows_the_output_window()
    {
        var (oldImage, patch, _) = RunPastTheWindow(lastGap: 8);
        Assert.Equal(PatchError.EditOutsideRun, Refusal(patch, oldImage));
    }

    /// <summary>
    /// 4,000 literals, then a 600-byte copy run with an edit adding 0x01010101 every 16 bytes and a last one
    /// <paramref name="lastGap"/> bytes on from run offset 592 (8 and up: past the run): the window has room
    /// for 99 of the run's bytes, so its later edits need loads after the first chunk is written.
    /// </summary>
    private static (byte[] OldImage, byte[] Patch, byte[] Expected) RunPastTheWindow(int lastGap)
    {
        var oldImage = TestImages.Random(1_000, 31);
        var expected = new byte[4_600];
        var crafted = new CraftedPatch(oldImage.Length, expected.Length).Segment(expected.Length);
        for (int i = 0; i < 4_000; i++)
        {
            crafted.Literal(i & 0xFF);
            expected[i] = (byte)i;
        }
        crafted.SeekBy(100).Copy(600);
        Array.Copy(oldImage, 100, expected, 4_000, 600);
        for (int at = 15; at < 600; at += 16)
        {
            crafted.Edit(15, 0x01010101);
            AddWord(expected, 4_000 + at, Math.Min(4, 600 - at), 0x01010101);
        }
        crafted.Edit(lastGap, 0x01010101);
        AddWord(expected, 4_000 + 592 + lastGap, Math.Min(4, 600 - 592 - lastGap), 0x01010101);
        return (oldImage, crafted.EndEdits().Finish(), expected);
    }

    /// <summary>Adds <paramref name="value"/> into the little-endian word of <paramref name="width"/> bytes at <paramref name="at"/> (section 11a.5.1).</summary>
    private static void AddWord(byte[] bytes, int at, int width, int value)
    {
        long sum = 0;
        for (int k = 0; k < width; k++)
        {
            sum = bytes[at + k] + ((value >> (8 * k)) & 0xFF) + (sum >> 8);
            bytes[at + k] = (byte)sum;
        }
    }

    [Fact]
    public void Rejects_a_block_that_copies_nothing()
    {
        var patch = new CraftedPatch(100, 50).Segment(50).Block(0).Copy(0).Finish();
        Assert.Equal(PatchError.EmptyBlock, Refusal(patch, new byte[100]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    [InlineData(4095)]
    public void Rejects_a_segment_that_is_empty_past_the_image_or_not_chunk_aligned(int length)
    {
        var patch = new CraftedPatch(0, length == 4095 ? 5000 : 50).Segment(length).Literal(1).Finish();
        Assert.Equal(PatchError.BadSegment, Refusal(patch, []));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void Rejects_a_segment_whose_commands_do_not_end_at_its_coded_length(int change)
    {
        var valid = new CraftedPatch(0, 3).Segment(3).Literal(1).Literal(2).Literal(3).Finish();
        int coded = BinaryPrimitives.ReadInt32LittleEndian(valid.AsSpan(PatchFormat.HeaderSize + 4));
        var patch = new CraftedPatch(0, 3).Segment(3).Literal(1).Literal(2).Literal(3).Finish(coded + change);
        if (change > 0) patch = [.. patch, 0];
        // One byte short, the last commands read zero bits past the end: refused as soon as they match
        // no code, or at the segment's end.
        var error = Refusal(patch, []);
        Assert.True(error is PatchError.BadSegment || (change < 0 && error is PatchError.CorruptStream), error.ToString());
    }

    [Fact]
    public void Rejects_a_code_table_that_assigns_more_codes_than_its_lengths_allow()
    {
        var patch = (byte[])ValidPatch.Clone();
        // The code-length code's 19 lengths of 3 bits open the segment: all 1 is over-full.
        int at = PatchFormat.HeaderSize + PatchFormat.SegmentHeaderSize;
        for (int i = 0; i < 8; i++) patch[at + i] = 0b0010_0100;
        Assert.Equal(PatchError.CorruptStream, Refusal(patch));
    }

    [Theory]
    [InlineData(0b10u)]
    [InlineData(0b11u)]
    public void Rejects_edit_symbol_bits_that_match_no_code_of_an_incomplete_edit_table(uint bits)
    {
        // Edit table 0 codes only symbols 0 and 1, as 00 and 01: bits starting with 1 are no code. The
        // patcher's edit loop takes such an entry on its slow path and refuses it as a corrupt stream
        // (not as an edit outside the run).
        var (copyCode, copyExtra, copyBits) = NumberCode.Number(8);
        var lengths = new byte[PatchFormat.TableCount][];
        for (int t = 0; t < PatchFormat.TableCount; t++) lengths[t] = new byte[PatchFormat.SymbolCount(t)];
        lengths[PatchFormat.TableMain][PatchFormat.BlockSymbol] = 1;
        lengths[PatchFormat.TableCopyLength][copyCode] = 1;
        lengths[PatchFormat.TableEdit][0] = 2;
        lengths[PatchFormat.TableEdit][1] = 2;
        var symbols = new List<CodedSymbol>
        {
            new(-1, 0, 0, PatchFormat.CandidateCountBits, PatchCostCategory.Tables),
            new(PatchFormat.TableMain, PatchFormat.BlockSymbol, 0, 0, PatchCostCategory.Seeks),
            new(PatchFormat.TableCopyLength, (short)copyCode, copyExtra, (byte)copyBits, PatchCostCategory.Lengths),
            new(-1, 0, bits, 2, PatchCostCategory.EditPositions),
        };
        var header = new CraftedPatch(8, 8).Finish();
        byte[] patch = [.. header, .. PatchStreamEncoder.CodeSegment(8, symbols, lengths)];

        Assert.Equal(PatchError.CorruptStream, Refusal(patch, new byte[8]));
    }

    [Fact]
    public void Rejects_bytes_after_the_end_of_the_patch() => Assert.Equal(PatchError.TrailingData, Refusal([.. ValidPatch, 0]));

    [Fact]
    public void Applies_a_crafted_patch_of_copies_edits_literals_matches_and_fills_exactly()
    {
        var oldImage = new byte[] { 10, 20, 30, 40, 50 };
        var patch = new CraftedPatch(5, 11).Segment(11)
            .Block(0).Copy(2).Edit(1, 5).Literal(99)
            .SeekBy(2).Copy(1).EndEdits()
            .Match(4, 4).Match(3, 1)
            .Finish();
        var run = PatchRun.Apply(oldImage, patch);
        Assert.True(run.Succeeded, run.Failure?.ToString());
        Assert.Equal(new byte[] { 10, 25, 99, 50, 10, 25, 99, 50, 50, 50, 50 }, run.Output);
    }

    [Fact]
    public void Misuse_throws_argument_exceptions()
    {
        var patcher = new DeltaPatcher();
        Assert.Throws<ArgumentNullException>(() => patcher.TryApply(null!, new MemoryBaseImage(OldImage), new MemoryTargetImage(), out _));
        Assert.Throws<ArgumentNullException>(() => patcher.TryApply(new MemoryPatchSource(ValidPatch), null!, new MemoryTargetImage(), out _));
        Assert.Throws<ArgumentNullException>(() => patcher.TryApply(new MemoryPatchSource(ValidPatch), new MemoryBaseImage(OldImage), null!, out _));
    }
}
