using SecureOta.Build.Delta;
using SecureOta.Device.Core.Delta;

namespace SecureOta.Tests.Delta;

/// <summary>
/// The patcher resumes at any segment boundary it reported (PROTOCOL.md section 11a.3): given the patch
/// from the boundary's offset, its new position, the byte before it and the new size, a fresh patcher
/// writes exactly the rest of the new image, so the bytes written before the boundary stay valid.
/// </summary>
public sealed class PatchResumeTests
{
    private sealed class BoundaryLog : ISegmentBoundaryHandler
    {
        public List<(long PatchOffset, int NewPosition, int ByteBefore)> Boundaries { get; } = [];

        public void SegmentStarts(long patchOffset, int newPosition, int byteBefore) => Boundaries.Add((patchOffset, newPosition, byteBefore));
    }

    /// <summary>
    /// A patch with segments of at most 8 KiB: random insertions gain nothing from separate code tables, so
    /// the default encoder would code them in few segments of up to 64 KiB; small ones give many boundaries.
    /// </summary>
    internal static byte[] SmallSegments(byte[] oldImage, byte[] newImage) =>
        DeltaDiff.Diff(oldImage, newImage, DeltaParserOptions.Default, new PatchEncoderOptions { MaxSegmentBytes = 8192 }).Patch;

    /// <summary>Insertions of fresh bytes every 2048 bytes: a patch of many records.</summary>
    private static byte[] WithInsertions(byte[] image, int seed)
    {
        byte[] noise = TestImages.Random(image.Length, seed);
        var next = new List<byte>();
        for (int at = 0; at < image.Length; at += 2048)
        {
            next.AddRange(image.Skip(at).Take(2048));
            next.AddRange(noise.Skip(at).Take(1500));
        }
        return [.. next];
    }

    [Fact]
    public void Patcher_resumed_at_every_segment_boundary_writes_exactly_the_rest_of_the_new_image()
    {
        byte[] oldImage = TestImages.Random(24 * 4096 + 300, 5);
        byte[] newImage = WithInsertions(oldImage, 6);
        byte[] patch = SmallSegments(oldImage, newImage);
        var log = new BoundaryLog();
        var first = new DeltaPatcher { Boundaries = log };
        Assert.True(first.TryApply(new MemoryPatchSource(patch, 4096), new MemoryBaseImage(oldImage), new MemoryTargetImage(), out var failure), failure?.ToString());
        Assert.True(log.Boundaries.Count >= 4, $"only {log.Boundaries.Count} segments");
        Assert.Equal(newImage.Length, first.NewSize);

        foreach (var (offset, position, byteBefore) in log.Boundaries)
        {
            Assert.Equal(0, position % DeltaPatcher.OutputChunkSize);
            Assert.Equal(position == 0 ? 0 : newImage[position - 1], byteBefore);
            var patcher = new DeltaPatcher();
            // The slot holds the image before the boundary: matches may read it back.
            var target = new MemoryTargetImage(newImage[..position]);
            bool ok = patcher.TryResume(new MemoryPatchSource(patch[(int)offset..], 1000), new MemoryBaseImage(oldImage), target,
                newImage.Length, offset, position, byteBefore, out failure);
            Assert.True(ok, $"resume at patch offset {offset}: {failure}");
            Assert.Equal(newImage, target.ToArray());
        }
    }

    [Fact]
    public void Patcher_resumed_at_a_boundary_copies_a_long_distance_match_from_the_bytes_before_it()
    {
        // The new image repeats 40,000 random bytes after 100,000 others (more than one segment holds): the
        // repeat is a match from bytes written before the boundaries between them.
        byte[] oldImage = TestImages.Random(5000, 9);
        byte[] unit = TestImages.Random(40_000, 10);
        byte[] newImage = [.. unit, .. TestImages.Random(100_000, 11), .. unit, .. oldImage];
        byte[] patch = DeltaDiff.Create(oldImage, newImage);
        var log = new BoundaryLog();
        var first = new DeltaPatcher { Boundaries = log };
        Assert.True(first.TryApply(new MemoryPatchSource(patch, 4096), new MemoryBaseImage(oldImage), new MemoryTargetImage(), out var failure), failure?.ToString());
        Assert.True(first.Statistics.MatchedBytes >= unit.Length - 100, $"{first.Statistics.MatchedBytes} bytes matched");
        var inRepeat = log.Boundaries.Where(b => b.NewPosition > unit.Length).ToList();
        Assert.NotEmpty(inRepeat);

        foreach (var (offset, position, byteBefore) in inRepeat)
        {
            var target = new MemoryTargetImage(newImage[..position]);
            bool ok = new DeltaPatcher().TryResume(new MemoryPatchSource(patch[(int)offset..], 1000), new MemoryBaseImage(oldImage), target,
                newImage.Length, offset, position, byteBefore, out failure);
            Assert.True(ok, $"resume at patch offset {offset}: {failure}");
            Assert.Equal(newImage, target.ToArray());
        }
    }

    [Fact]
    public void Patcher_resumed_from_an_offset_that_is_not_a_segment_start_fails_with_a_typed_error()
    {
        byte[] oldImage = TestImages.Random(24 * 4096 + 300, 7);
        byte[] newImage = WithInsertions(oldImage, 8);
        byte[] patch = SmallSegments(oldImage, newImage);
        var log = new BoundaryLog();
        Assert.True(new DeltaPatcher { Boundaries = log }.TryApply(new MemoryPatchSource(patch, 4096), new MemoryBaseImage(oldImage), new MemoryTargetImage(), out _));
        var (offset, position, byteBefore) = log.Boundaries[2];

        bool ok = new DeltaPatcher().TryResume(new MemoryPatchSource(patch[((int)offset + 3)..], 4096), new MemoryBaseImage(oldImage), new MemoryTargetImage(),
            newImage.Length, offset + 3, position, byteBefore, out var failure);

        Assert.False(ok);
        Assert.NotNull(failure);
    }

    [Fact]
    public void Patcher_refuses_to_resume_off_a_chunk_boundary_or_before_the_header()
    {
        var patcher = new DeltaPatcher();
        Assert.Throws<ArgumentOutOfRangeException>(() => patcher.TryResume(new MemoryPatchSource([], 16), new MemoryBaseImage(new byte[10]), new MemoryTargetImage(),
            8192, 100, 100, 0, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => patcher.TryResume(new MemoryPatchSource([], 16), new MemoryBaseImage(new byte[10]), new MemoryTargetImage(),
            8192, 0, 4096, 0, out _));
    }
}
