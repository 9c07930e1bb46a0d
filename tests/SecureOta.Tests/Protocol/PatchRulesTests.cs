using SecureOta.Build.Delta;
using SecureOta.Tests.Delta;
using SecureOta.Device.Core.Delta;

namespace SecureOta.Tests.Protocol;

/// <summary>
/// docs/PROTOCOL.md section 11a as a second implementation must read it: fills, signed seeks, and the
/// error names of a short patch, an empty segment and the size limit, checked on patches coded symbol by symbol.
/// </summary>
public sealed class PatchRulesTests
{
    // ---- Section 11a: bit order, signs, error names ----

    [Fact]
    public void A_fill_repeats_the_byte_before_across_output_chunks()
    {
        // Section 11a.5: a match of distance 1 is a fill with the new image's byte before it, of any
        // length, across the 4096-byte chunks the output is written in.
        var patch = new CraftedPatch(0, 5000).Segment(5000).Literal(0xFF).Match(4999, 1).Finish();

        var output = Apply(patch, []);

        Assert.Equal(Enumerable.Repeat((byte)0xFF, 5000).ToArray(), output);
    }

    [Fact]
    public void A_seek_delta_moves_the_old_cursor_by_a_signed_number()
    {
        // old = 01..08, new = old[4..7) then old[2..4): seek choice 5 (cursor + delta) with +4, a copy of 3,
        // then choice 5 again with -5 from the cursor at 7.
        byte[] old = [1, 2, 3, 4, 5, 6, 7, 8];
        var patch = new CraftedPatch(old.Length, 5).Segment(5).SeekBy(4).Copy(3).EndEdits().SeekBy(-5).Copy(2).EndEdits().Finish();

        var output = Apply(patch, old);

        Assert.Equal(new byte[] { 5, 6, 7, 3, 4 }, output);
    }

    [Fact]
    public void A_patch_shorter_than_its_header_is_truncated()
    {
        Assert.Equal(PatchError.Truncated, Refuse([0x53, 0x4f, 0x44, 0x50, 0x04, 0, 0, 0, 0, 0], []));
        Assert.Equal(PatchError.Truncated, Refuse([], []));
        // A header and nothing after it: the first segment header is missing.
        Assert.Equal(PatchError.Truncated, Refuse(Header(0, 1), []));
    }

    [Fact]
    public void A_segment_declaring_no_new_bytes_is_a_bad_segment()
    {
        Assert.Equal(PatchError.BadSegment, Refuse([.. Header(0, 1), 0, 0, 0, 0, 0, 0, 0, 0], []));
    }

    [Fact]
    public void The_size_limit_covers_old_size_too_and_is_checked_before_the_base()
    {
        Assert.Equal(PatchError.ImageTooLarge, Refuse(Header(16 * 1024 * 1024 + 1, 1), [1, 2, 3]));
        Assert.Equal(PatchError.ImageTooLarge, Refuse(Header(3, 16 * 1024 * 1024 + 1), [1, 2, 3]));
        Assert.Equal(PatchError.BaseMismatch, Refuse(Header(16 * 1024 * 1024, 1), [1, 2, 3]));
    }

    private static byte[] Header(int oldSize, int newSize) =>
    [
        0x53, 0x4f, 0x44, 0x50, 0x04, 0, 0, 0,
        (byte)(oldSize >> 24), (byte)(oldSize >> 16), (byte)(oldSize >> 8), (byte)oldSize,
        (byte)(newSize >> 24), (byte)(newSize >> 16), (byte)(newSize >> 8), (byte)newSize,
    ];

    private static byte[] Apply(byte[] patch, byte[] old)
    {
        var target = new MemoryTargetImage();
        bool applied = new DeltaPatcher().TryApply(new MemoryPatchSource(patch), new MemoryBaseImage(old), target, out var failure);
        Assert.True(applied, failure?.ToString());
        return target.ToArray();
    }

    private static PatchError Refuse(byte[] patch, byte[] old)
    {
        Assert.False(new DeltaPatcher().TryApply(new MemoryPatchSource(patch), new MemoryBaseImage(old), new MemoryTargetImage(), out var failure));
        return failure.Error;
    }
}
