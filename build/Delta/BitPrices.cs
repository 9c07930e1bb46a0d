using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.Delta;

/// <summary>
/// Approximate cost, in 1/16 bits, of coding a bit with a given probability; the encoder uses it to
/// choose between ways of coding the same bytes. It never affects what the decoder sees.
/// </summary>
internal static class BitPrices
{
    /// <summary>Cost units per bit.</summary>
    public const int Scale = 16;

    private static readonly int[] Table = BuildTable();

    /// <summary>Cost of coding <paramref name="bit"/> where probabilities[index] is the probability of a 0.</summary>
    public static int Price(ushort[] probabilities, int index, int bit)
    {
        int p = probabilities[index];
        return Table[bit == 0 ? p : (1 << PatchModel.ProbabilityBits) - p];
    }

    private static int[] BuildTable()
    {
        int total = 1 << PatchModel.ProbabilityBits;
        var table = new int[total + 1];
        table[0] = 30 * Scale;
        for (int i = 1; i <= total; i++) table[i] = (int)Math.Round(-Math.Log2((double)i / total) * Scale);
        return table;
    }
}
