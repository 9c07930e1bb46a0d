namespace SecureOta.Tests.Delta;

/// <summary>old + patch = new, byte for byte, on the shapes of change a release makes.</summary>
public sealed class RoundTripTests
{
    [Fact]
    public void Empty_to_empty() => PatchRun.RoundTrip([], []);

    [Fact]
    public void Empty_old_image_to_a_new_image() => PatchRun.RoundTrip([], TestImages.Random(5000, 1));

    [Fact]
    public void Image_to_an_empty_new_image() => PatchRun.RoundTrip(TestImages.Random(5000, 2), []);

    [Fact]
    public void Identical_images_cost_a_few_bytes_and_no_per_byte_work()
    {
        var image = TestImages.Random(300_000, 3);
        var run = PatchRun.RoundTrip(image, image);
        Assert.Equal(0, run.Statistics.PerBytePathBytes);
        Assert.Equal(image.Length, run.Statistics.CopiedBytes);
        Assert.True(run.Statistics.DecodedSymbols < 200, $"{run.Statistics.DecodedSymbols} symbols for an unchanged image");
    }

    [Fact]
    public void Unrelated_images() => PatchRun.RoundTrip(TestImages.Random(40_000, 4), TestImages.Random(50_000, 5));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(99_999)]
    public void One_byte_changed_costs_one_edit_or_literal(int at)
    {
        var oldImage = TestImages.Random(100_000, 6);
        var newImage = (byte[])oldImage.Clone();
        newImage[at] ^= 0x20;
        var run = PatchRun.RoundTrip(oldImage, newImage);
        Assert.Equal(1, run.Statistics.Edits + run.Statistics.LiteralBytes);
    }

    [Fact]
    public void A_block_moved_to_another_place()
    {
        var oldImage = TestImages.Random(200_000, 7);
        var block = oldImage.AsSpan(20_000, 30_000).ToArray();
        var rest = oldImage.Take(20_000).Concat(oldImage.Skip(50_000)).ToList();
        rest.InsertRange(150_000, block);
        var run = PatchRun.RoundTrip(oldImage, [.. rest]);
        Assert.True(run.Statistics.LiteralBytes < 100, $"{run.Statistics.LiteralBytes} literal bytes for a moved block");
    }

    [Fact]
    public void Grown_image_with_inserted_code_and_shifted_pointers()
    {
        var oldImage = TestImages.FirmwareLike(50_000, 8);
        var newImage = TestImages.FirmwareLike(50_000, 8, insertAt: 20_000, insertWords: 300);
        var run = PatchRun.RoundTrip(oldImage, newImage);
        Assert.True(newImage.Length > oldImage.Length);
        Assert.True(run.Statistics.PerBytePathBytes < newImage.Length / 4, "shifted pointers are edits, not literals");
    }

    [Fact]
    public void Shrunk_image() => PatchRun.RoundTrip(TestImages.FirmwareLike(50_000, 9, insertAt: 1_000, insertWords: 2_000), TestImages.FirmwareLike(50_000, 9));

    [Fact]
    public void Edits_across_output_buffer_boundaries_and_at_the_end_of_runs()
    {
        var oldImage = TestImages.Random(3 * 4096 + 10, 10);
        var newImage = (byte[])oldImage.Clone();
        foreach (int at in new[] { 4093, 4094, 4095, 4096, 8190, 8191, newImage.Length - 2, newImage.Length - 1 })
            newImage[at] = (byte)(newImage[at] + 1);
        PatchRun.RoundTrip(oldImage, newImage);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(255)]
    [InlineData(4096)]
    public void Any_read_size_of_the_patch_source_gives_the_same_image(int chunkSize)
    {
        var oldImage = TestImages.FirmwareLike(20_000, 11);
        var newImage = TestImages.FirmwareLike(20_000, 11, insertAt: 5_000, insertWords: 100);
        PatchRun.RoundTrip(oldImage, newImage, chunkSize);
    }

    [Fact]
    public void Many_random_small_changes_of_every_kind()
    {
        var random = new Random(12);
        for (int round = 0; round < 200; round++)
        {
            var oldImage = TestImages.Random(random.Next(0, 3000), round);
            var newImage = new List<byte>(oldImage);
            for (int change = random.Next(0, 12); change > 0; change--)
            {
                int kind = random.Next(4);
                int at = random.Next(newImage.Count + 1);
                if (kind == 0 && at < newImage.Count) newImage[at] = (byte)random.Next(256);
                else if (kind == 1) newImage.InsertRange(at, TestImages.Random(random.Next(1, 40), round + change));
                else if (kind == 2 && at < newImage.Count) newImage.RemoveRange(at, Math.Min(random.Next(1, 40), newImage.Count - at));
                else if (at + 4 <= newImage.Count)
                {
                    uint word = BitConverter.ToUInt32([.. newImage.GetRange(at, 4)]) + (uint)random.Next(1, 1 << 20);
                    newImage.RemoveRange(at, 4);
                    newImage.InsertRange(at, BitConverter.GetBytes(word));
                }
            }
            PatchRun.RoundTrip(oldImage, [.. newImage], chunkSize: 1 + round % 50);
        }
    }

    [Fact]
    public void Diffing_is_deterministic()
    {
        var oldImage = TestImages.FirmwareLike(10_000, 13);
        var newImage = TestImages.FirmwareLike(10_000, 13, insertAt: 3_000, insertWords: 40);
        Assert.Equal(SecureOta.Build.Delta.DeltaDiff.Create(oldImage, newImage), SecureOta.Build.Delta.DeltaDiff.Create(oldImage, newImage));
    }
}
