using SecureOta.Build.Delta;
using SecureOta.Device.Core.Delta;

namespace SecureOta.Tests.Protocol;

/// <summary>
/// docs/PROTOCOL.md section 11a as a second implementation must read it: the bit order of direct bits, the
/// sign before its number, and the error names of a short patch, a non-zero first coded byte and the size
/// limit, checked on patches coded symbol by symbol.
/// </summary>
public sealed class PatchRulesTests
{
    // ---- Section 11a: bit order, signs, error names ----

    [Fact]
    public void Direct_bits_of_a_number_are_read_most_significant_first()
    {
        // A patch from an empty base to 33 zero bytes, coded symbol by symbol as section 11a says. The
        // literal length is a number of class 5 (m = 3): hi = 0 in three modelled bits, then the two direct
        // bits 1, 0 in that order, so u = ((8 + 0) << 2) + 0b10 = 34 and the length is 33. Read least
        // significant first they would give 32.
        var coded = new List<byte>();
        var encoder = new RangeEncoder(coded);
        var p = NewProbabilities();
        Tree(encoder, p, 3192, 3, 1);          // seek choice 1: the cursor stays at 0
        Tree(encoder, p, 3555, 5, 0);          // copy length: class 0, so u = 1 and the number is 0
        Tree(encoder, p, 3843, 5, 5);          // literal length: class 5
        Tree(encoder, p, 3875 + 5 * 8, 3, 0);  // hi = 0
        encoder.EncodeDirect(1, 1);            // first direct bit: the most significant
        encoder.EncodeDirect(0, 1);
        for (int i = 0; i < 33; i++) Tree(encoder, p, 0, 8, 0);   // 33 zero literals, context 0
        encoder.Flush();

        var output = Apply(Patch(0, 33, coded), []);

        Assert.Equal(new byte[33], output);
    }

    [Fact]
    public void A_seek_delta_codes_its_sign_before_its_number()
    {
        // old = 01..08, new = old[4..7): seek choice 5 (cursor + delta), then the sign 0 (positive), then the
        // number 3 (class 2, hi 0: u = 4), so delta = +4; then a copy of 3 bytes (the number 3), and an
        // edit-follows flag of 1 (no edits). Read number first, the same bits would seek elsewhere.
        byte[] old = [1, 2, 3, 4, 5, 6, 7, 8];
        var coded = new List<byte>();
        var encoder = new RangeEncoder(coded);
        var p = NewProbabilities();
        Tree(encoder, p, 3192, 3, 5);
        encoder.EncodeBit(p, 3200, 0);         // the sign first
        Tree(encoder, p, 3203, 5, 2);          // then the number: class 2
        Tree(encoder, p, 3299 + 2 * 8, 2, 0);  // hi = 0
        Tree(encoder, p, 3555, 5, 2);          // copy length: class 2
        Tree(encoder, p, 3587 + 2 * 8, 2, 0);  // hi = 0: u = 4, a run of 3 bytes
        encoder.EncodeBit(p, 2688, 1);         // edit-follows flag (gap context 0): 1, no edits
        encoder.Flush();

        var output = Apply(Patch(old.Length, 3, coded), old);

        Assert.Equal(new byte[] { 5, 6, 7 }, output);
    }

    [Fact]
    public void A_patch_shorter_than_its_header_is_truncated()
    {
        Assert.Equal(PatchError.Truncated, Refuse([0x53, 0x4f, 0x44, 0x50, 0x01, 0, 0, 0, 0, 0], []));
        Assert.Equal(PatchError.Truncated, Refuse([], []));
        // A header and nothing after it: the coded stream's first byte is missing.
        Assert.Equal(PatchError.Truncated, Refuse(Header(0, 1), []));
    }

    [Fact]
    public void A_non_zero_first_coded_byte_is_a_corrupt_stream()
    {
        Assert.Equal(PatchError.CorruptStream, Refuse([.. Header(0, 1), 0x01, 0, 0, 0, 0, 0, 0, 0, 0], []));
    }

    [Fact]
    public void The_size_limit_covers_old_size_too_and_is_checked_before_the_base()
    {
        Assert.Equal(PatchError.ImageTooLarge, Refuse(Header(16 * 1024 * 1024 + 1, 1), [1, 2, 3]));
        Assert.Equal(PatchError.ImageTooLarge, Refuse(Header(3, 16 * 1024 * 1024 + 1), [1, 2, 3]));
        Assert.Equal(PatchError.BaseMismatch, Refuse(Header(16 * 1024 * 1024, 1), [1, 2, 3]));
    }

    private static ushort[] NewProbabilities() => Enumerable.Repeat((ushort)2048, PatchModel.ProbabilityCount).ToArray();

    /// <summary>A tree of <paramref name="levels"/> at <paramref name="first"/>, most significant bit first (section 11a.3).</summary>
    private static void Tree(RangeEncoder encoder, ushort[] p, int first, int levels, int value)
    {
        int node = 1;
        for (int i = levels - 1; i >= 0; i--)
        {
            int bit = (value >> i) & 1;
            encoder.EncodeBit(p, first + node, bit);
            node = 2 * node + bit;
        }
    }

    private static byte[] Header(int oldSize, int newSize) =>
    [
        0x53, 0x4f, 0x44, 0x50, 0x01, 0, 0, 0,
        (byte)(oldSize >> 24), (byte)(oldSize >> 16), (byte)(oldSize >> 8), (byte)oldSize,
        (byte)(newSize >> 24), (byte)(newSize >> 16), (byte)(newSize >> 8), (byte)newSize,
    ];

    private static byte[] Patch(int oldSize, int newSize, List<byte> coded) => [.. Header(oldSize, newSize), .. coded];

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
