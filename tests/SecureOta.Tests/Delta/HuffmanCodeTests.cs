using SecureOta.Build.Delta;

namespace SecureOta.Tests.Delta;

/// <summary>The encoder's length-limited Huffman codes: within the limit, complete, and as short as any code within the limit.</summary>
public sealed class HuffmanCodeTests
{
    [Fact]
    public void Limited_lengths_cost_no_more_than_the_best_code_within_the_limit()
    {
        // Fibonacci counts want a code 5 deep; the limit is 3, and every length choice within it is tried.
        long[] counts = [1, 1, 2, 3, 5, 8];
        var lengths = HuffmanCode.Lengths(counts, 3);

        long best = long.MaxValue;
        var trial = new int[counts.Length];
        for (int combination = 0; combination < 729; combination++)
        {
            int rest = combination;
            double kraft = 0;
            long cost = 0;
            for (int s = 0; s < counts.Length; s++, rest /= 3)
            {
                trial[s] = 1 + rest % 3;
                kraft += Math.Pow(2, -trial[s]);
                cost += counts[s] * trial[s];
            }
            if (kraft <= 1) best = Math.Min(best, cost);
        }
        Assert.All(lengths, l => Assert.InRange(l, 1, 3));
        Assert.Equal(best, counts.Select((c, s) => c * lengths[s]).Sum());
    }

    [Fact]
    public void Limited_lengths_of_a_skewed_alphabet_stay_within_the_limit_and_form_a_complete_code()
    {
        // Counts spanning six orders of magnitude, as literals of code do, over the main table's 383 symbols.
        var random = new Random(7);
        var counts = new long[383];
        for (int s = 0; s < counts.Length; s++) counts[s] = s % 5 == 4 ? 0 : (long)Math.Pow(10, random.NextDouble() * 6);
        var lengths = HuffmanCode.Lengths(counts, 10);

        for (int s = 0; s < counts.Length; s++)
        {
            if (counts[s] == 0) Assert.Equal(0, lengths[s]);
            else Assert.InRange(lengths[s], 1, 10);
        }
        long kraft = lengths.Where(l => l > 0).Sum(l => 1L << (10 - l));
        Assert.Equal(1L << 10, kraft);
    }

    [Fact]
    public void Pricing_lengths_fit_the_limit_and_cost_little_more_than_the_optimal_ones()
    {
        // The near-optimal lengths the segment pricer uses: within the limit, a valid (possibly incomplete)
        // code for the same symbols, and within 1 % of the optimal limited code's bits.
        var random = new Random(11);
        for (int trial = 0; trial < 50; trial++)
        {
            var counts = new long[133];
            for (int s = 0; s < counts.Length; s++) counts[s] = random.Next(3) == 0 ? 0 : (long)Math.Pow(10, random.NextDouble() * 5);
            var optimal = HuffmanCode.Lengths(counts, 8);
            var pushed = HuffmanCode.Lengths(counts, 8, optimal: false);

            for (int s = 0; s < counts.Length; s++) Assert.Equal(counts[s] > 0, pushed[s] > 0);
            Assert.All(pushed, l => Assert.InRange(l, 0, 8));
            Assert.True(pushed.Where(l => l > 0).Sum(l => 1L << (8 - l)) <= 1L << 8, "the lengths overfill the code");
            long best = counts.Select((c, s) => c * optimal[s]).Sum();
            long priced = counts.Select((c, s) => c * pushed[s]).Sum();
            Assert.True(priced >= best && priced <= best + best / 100, $"trial {trial}: {priced} bits, optimal {best}");
        }
    }
}
