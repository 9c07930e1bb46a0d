using SecureOta.Build.Delta;

namespace SecureOta.Tests.Delta;

/// <summary>New bytes that repeat (fills of erased flash, repeated tables) cost a few symbols, not a byte each.</summary>
public sealed class FillAndRepeatTests
{
    [Fact]
    public void A_4_MiB_fill_after_the_image_costs_a_few_bytes()
    {
        var oldImage = TestImages.FirmwareLike(20_000, 51);
        var newImage = new byte[4 << 20];
        Array.Fill(newImage, (byte)0xFF);
        oldImage.CopyTo(newImage, 0);

        var run = PatchRun.RoundTrip(oldImage, newImage);
        var patch = DeltaDiff.Create(oldImage, newImage);

        var withoutFill = DeltaDiff.Create(oldImage, oldImage);
        Assert.True(patch.Length < withoutFill.Length + 64, $"{patch.Length} bytes, {withoutFill.Length} without the fill");
        Assert.True(run.Statistics.MatchedBytes >= newImage.Length - oldImage.Length - 1, $"{run.Statistics.MatchedBytes} bytes filled");
    }

    [Fact]
    public void A_fill_the_old_image_covers_with_short_copies_becomes_one_fill()
    {
        // Runs of 0x00 of 40 bytes in the old image tempt the parser into many short copies.
        var oldImage = TestImages.Random(50_000, 52);
        for (int at = 1000; at < 49_000; at += 1000) Array.Clear(oldImage, at, 40);
        var newImage = oldImage.Concat(new byte[1 << 20]).ToArray();

        PatchRun.RoundTrip(oldImage, newImage);
        var patch = DeltaDiff.Create(oldImage, newImage);

        Assert.True(patch.Length < 400, $"{patch.Length} bytes");
    }

    [Fact]
    public void Repeats_within_a_chunk_are_matches_not_literals()
    {
        var unit = TestImages.Random(300, 53);
        var newImage = Enumerable.Range(0, 12).SelectMany(_ => unit).ToArray();

        var run = PatchRun.RoundTrip([], newImage);
        var patch = DeltaDiff.Create([], newImage);

        Assert.True(run.Statistics.LiteralBytes < 2 * unit.Length, $"{run.Statistics.LiteralBytes} literal bytes");
        Assert.True(patch.Length < unit.Length + 600, $"{patch.Length} bytes");
    }
}
