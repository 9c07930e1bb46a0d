using SecureOta.Build.Delta;
using SecureOta.Device.Core.Delta;

namespace SecureOta.Tests.Delta;

/// <summary>The patcher's memory is allocated once, at most 16 KiB, and applying a patch allocates nothing, whatever the image size.</summary>
public sealed class PatcherMemoryTests
{
    private const int Budget = 16 * 1024;

    [Fact]
    public void Working_memory_is_within_16_KiB() => Assert.True(DeltaPatcher.WorkingMemoryBytes <= Budget, $"{DeltaPatcher.WorkingMemoryBytes} bytes");

    [Fact]
    public void Constructing_the_patcher_allocates_its_working_memory_once()
    {
        _ = new DeltaPatcher();
        long before = GC.GetAllocatedBytesForCurrentThread();
        _ = new DeltaPatcher();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.InRange(allocated, DeltaPatcher.WorkingMemoryBytes, DeltaPatcher.WorkingMemoryBytes + 1280);
    }

    [Fact]
    public void Applying_allocates_nothing_whatever_the_image_size()
    {
        var patcher = new DeltaPatcher();
        var small = Prepared(4_000, 41);
        var large = Prepared(400_000, 42);
        Apply(patcher, small);

        long smallAllocated = Apply(patcher, small);
        long largeAllocated = Apply(patcher, large);

        Assert.Equal(0, smallAllocated);
        Assert.Equal(0, largeAllocated);
    }

    [Fact]
    public void Refusing_a_patch_allocates_only_the_failure()
    {
        var patcher = new DeltaPatcher();
        var prepared = Prepared(100_000, 43);
        var damaged = (byte[])prepared.Patch.Clone();
        damaged[^2] ^= 1;
        var source = new MemoryPatchSource(damaged);
        var target = new VerifyingTargetImage(prepared.NewImage);
        long before = GC.GetAllocatedBytesForCurrentThread();
        bool applied = patcher.TryApply(source, prepared.Base, target, out _);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.False(applied);
        Assert.True(allocated < 4096, $"{allocated} bytes allocated to report one failure");
    }

    private sealed record PreparedPatch(byte[] Patch, MemoryBaseImage Base, byte[] NewImage);

    private static PreparedPatch Prepared(int words, int seed)
    {
        var oldImage = TestImages.FirmwareLike(words, seed);
        var newImage = TestImages.FirmwareLike(words, seed, insertAt: words / 3, insertWords: 50);
        return new PreparedPatch(DeltaDiff.Create(oldImage, newImage), new MemoryBaseImage(oldImage), newImage);
    }

    /// <summary>Bytes allocated on this thread while the patcher applied the prepared patch (which must succeed).</summary>
    private static long Apply(DeltaPatcher patcher, PreparedPatch prepared)
    {
        var source = new MemoryPatchSource(prepared.Patch);
        var target = new VerifyingTargetImage(prepared.NewImage);
        long before = GC.GetAllocatedBytesForCurrentThread();
        bool applied = patcher.TryApply(source, prepared.Base, target, out var failure);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(applied, failure?.ToString());
        Assert.True(target.Matches);
        return allocated;
    }
}
