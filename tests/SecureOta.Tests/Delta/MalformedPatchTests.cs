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
    public void Rejects_truncated_header_or_stream_start(int length) => Assert.Equal(PatchError.Truncated, Refusal(ValidPatch[..length]));

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

    [Fact]
    public void Rejects_a_later_format_version() => Assert.Equal(PatchError.UnsupportedVersion, Refusal(WithHeaderByte(4, 2)));

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
    public void Rejects_a_copy_run_past_the_declared_new_size()
    {
        var patch = new CraftedPatch(100, 50).KeepDisplacement().Copy(51).Finish();
        Assert.Equal(PatchError.WritesPastEnd, Refusal(patch, new byte[100]));
    }

    [Fact]
    public void Rejects_an_oversized_copy_length_without_reading_it()
    {
        var patch = new CraftedPatch(100, 50).KeepDisplacement().Copy(PatchFormat.MaxNumber).Finish();
        Assert.Equal(PatchError.WritesPastEnd, Refusal(patch, new byte[100]));
    }

    [Fact]
    public void Rejects_a_literal_run_past_the_declared_new_size()
    {
        var patch = new CraftedPatch(100, 50).KeepDisplacement().Copy(0).LiteralLength(51).Finish();
        Assert.Equal(PatchError.WritesPastEnd, Refusal(patch, new byte[100]));
    }

    [Fact]
    public void Rejects_a_copy_that_reads_past_the_old_image()
    {
        var patch = new CraftedPatch(100, 200).KeepDisplacement().Copy(101).Finish();
        Assert.Equal(PatchError.OldRangeOutOfBounds, Refusal(patch, new byte[100]));
    }

    [Theory]
    [InlineData(101)]
    [InlineData(-1)]
    [InlineData(PatchFormat.MaxNumber)]
    public void Rejects_a_seek_outside_the_old_image(long delta)
    {
        var patch = new CraftedPatch(100, 50).SeekBy(delta).Copy(1).Finish();
        Assert.Equal(PatchError.OldRangeOutOfBounds, Refusal(patch, new byte[100]));
    }

    [Fact]
    public void Rejects_an_edit_beyond_its_copy_run()
    {
        var patch = new CraftedPatch(100, 50).KeepDisplacement().Copy(10).EditFollows(true).Gap(10).Finish();
        Assert.Equal(PatchError.EditOutsideRun, Refusal(patch, new byte[100]));
    }

    [Fact]
    public void Rejects_a_number_beyond_the_31_bit_limit()
    {
        var patch = new CraftedPatch(100, 50).KeepDisplacement().CopyLengthClass(31).Finish();
        Assert.Equal(PatchError.NumberOutOfRange, Refusal(patch, new byte[100]));
    }

    [Fact]
    public void Rejects_a_block_that_copies_and_inserts_nothing()
    {
        var patch = new CraftedPatch(100, 50).KeepDisplacement().Copy(0).LiteralLength(0).Finish();
        Assert.Equal(PatchError.EmptyBlock, Refusal(patch, new byte[100]));
    }

    [Fact]
    public void Rejects_a_stream_that_does_not_end_as_the_encoder_ends_it()
    {
        var patch = (byte[])ValidPatch.Clone();
        patch[^2] ^= 0x40;
        Assert.Equal(PatchError.CorruptStream, Refusal(patch));
    }

    [Fact]
    public void Rejects_a_stream_whose_first_byte_is_not_zero() =>
        Assert.Equal(PatchError.CorruptStream, Refusal(WithHeaderByte(PatchFormat.HeaderSize, 1)));

    [Fact]
    public void Rejects_bytes_after_the_end_of_the_patch() => Assert.Equal(PatchError.TrailingData, Refusal([.. ValidPatch, 0]));

    [Fact]
    public void Applies_a_crafted_patch_of_literals_and_copies_exactly()
    {
        var oldImage = new byte[] { 10, 20, 30, 40, 50 };
        var patch = new CraftedPatch(5, 4).KeepDisplacement().Copy(2).EditFollows(false).LiteralLength(1).Literal(20, 99).SeekBy(2).Copy(1).EditFollows(false).Finish();
        var run = PatchRun.Apply(oldImage, patch);
        Assert.True(run.Succeeded, run.Failure?.ToString());
        Assert.Equal(new byte[] { 10, 20, 99, 50 }, run.Output);
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
