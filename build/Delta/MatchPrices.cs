using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.Delta;

/// <summary>
/// Estimated bits of a literal and of a match (docs/PROTOCOL.md sections 11a.4 and 11a.5), for the
/// parse of new bytes that no copy explains: a first parse is priced by the bytes' own frequencies and
/// typical code lengths, a second by the symbol frequencies the first one chose.
/// </summary>
internal sealed class MatchPrices
{
    private readonly float[] _literal = new float[256];
    private readonly float[] _lengthCode = new float[PatchFormat.NumberCodes];
    private readonly float[] _distanceCode = new float[PatchFormat.DistanceSymbols];

    private MatchPrices()
    {
    }

    /// <summary>Bits of literal <paramref name="value"/>.</summary>
    public float Literal(int value) => _literal[value];

    /// <summary>Bits of a match of <paramref name="length"/> bytes from <paramref name="distance"/> back, extra bits included.</summary>
    public float Match(int length, int distance)
    {
        var (lengthCode, _, lengthBits) = NumberCode.Number(length - PatchFormat.MinMatch);
        var (distanceCode, _, distanceBits) = NumberCode.Number(distance - 1);
        return _lengthCode[lengthCode] + lengthBits + _distanceCode[distanceCode] + distanceBits;
    }

    /// <summary>Bits of a match of <paramref name="length"/> bytes from the recent distance <paramref name="index"/> (section 11a.5).</summary>
    public float RecentMatch(int length, int index)
    {
        var (lengthCode, _, lengthBits) = NumberCode.Number(length - PatchFormat.MinMatch);
        return _lengthCode[lengthCode] + lengthBits + _distanceCode[PatchFormat.NumberCodes + index];
    }

    /// <summary>First-parse prices: literals by the frequency of each byte in <paramref name="bytes"/>, length and distance codes 6 bits.</summary>
    public static MatchPrices FromBytes(ReadOnlySpan<byte> bytes)
    {
        var prices = new MatchPrices();
        var counts = new long[256];
        foreach (var b in bytes) counts[b]++;
        Fill(prices._literal, counts, bytes.Length, 4, 11);
        Array.Fill(prices._lengthCode, 6f);
        Array.Fill(prices._distanceCode, 6f);
        Array.Fill(prices._distanceCode, 3f, PatchFormat.NumberCodes, PatchFormat.RecentDistances);
        return prices;
    }

    /// <summary>Prices from the symbols a parse chose: <paramref name="ops"/> over <paramref name="newImage"/>.</summary>
    public static MatchPrices FromOps(IReadOnlyList<PatchOp> ops, byte[] newImage)
    {
        var prices = new MatchPrices();
        var literals = new long[256];
        var lengths = new long[PatchFormat.NumberCodes];
        var distances = new long[PatchFormat.DistanceSymbols];
        long main = 0, matches = 0;
        var recent = default(RecentDistances);
        foreach (var op in ops)
        {
            switch (op.Kind)
            {
                case PatchOpKind.Literal:
                    for (int k = 0; k < op.Length; k++) literals[newImage[op.NewStart + k]]++;
                    main += op.Length;
                    break;
                case PatchOpKind.Match:
                    lengths[NumberCode.Number(op.Length - PatchFormat.MinMatch).Code]++;
                    int symbol = recent.Symbol(op.Distance);
                    distances[symbol >= 0 ? symbol : NumberCode.Number(op.Distance - 1).Code]++;
                    recent = recent.After(op.Distance);
                    main++;
                    matches++;
                    break;
                default:
                    main++;
                    break;
            }
        }
        // Literals and match lengths share the main table; distances have a table of their own.
        Fill(prices._literal, literals, main, 3, 13);
        Fill(prices._lengthCode, lengths, main, 3, 13);
        Fill(prices._distanceCode, distances, matches, 1, 9);
        return prices;
    }

    /// <summary>-log2 of each symbol's share, within [min, max]; an unseen symbol costs max.</summary>
    private static void Fill(float[] prices, long[] counts, long total, float min, float max)
    {
        for (int s = 0; s < prices.Length; s++)
        {
            prices[s] = counts[s] == 0 || total == 0 ? max : Math.Clamp((float)-Math.Log2((double)counts[s] / total), min, max);
        }
    }
}
