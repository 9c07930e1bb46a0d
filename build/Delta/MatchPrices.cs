using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.Delta;

/// <summary>
/// Estimated bits of a literal and of a match (docs/PROTOCOL.md sections 11a.4 and 11a.5), for the
/// parse of new bytes that no copy explains: a first parse is priced by the bytes' own frequencies and
/// typical code lengths, every later one by the code lengths of the symbols the one before chose.
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
        for (int s = 0; s < 256; s++) prices._literal[s] = counts[s] == 0 ? 11 : Math.Clamp((float)-Math.Log2((double)counts[s] / bytes.Length), 4, 11);
        Array.Fill(prices._lengthCode, 6f);
        Array.Fill(prices._distanceCode, 6f);
        Array.Fill(prices._distanceCode, 3f, PatchFormat.NumberCodes, PatchFormat.RecentDistances);
        return prices;
    }

    /// <summary>
    /// Prices from the symbols a parse chose (<paramref name="ops"/> over <paramref name="newImage"/>): the
    /// code lengths those symbols would get, as the segment's tables will give them; an unseen symbol
    /// costs two bits more than the longest code.
    /// </summary>
    public static MatchPrices FromOps(IReadOnlyList<PatchOp> ops, byte[] newImage)
    {
        // Literals, block starts and match lengths share the main table; distances have a table of their own.
        var main = new long[PatchFormat.MainSymbols];
        var distances = new long[PatchFormat.DistanceSymbols];
        var recent = default(RecentDistances);
        foreach (var op in ops)
        {
            switch (op.Kind)
            {
                case PatchOpKind.Literal:
                    for (int k = 0; k < op.Length; k++) main[newImage[op.NewStart + k]]++;
                    break;
                case PatchOpKind.Match:
                    main[PatchFormat.MatchSymbol + NumberCode.Number(op.Length - PatchFormat.MinMatch).Code]++;
                    int symbol = recent.Symbol(op.Distance);
                    distances[symbol >= 0 ? symbol : NumberCode.Number(op.Distance - 1).Code]++;
                    recent = recent.After(op.Distance);
                    break;
                default:
                    main[PatchFormat.BlockSymbol]++;
                    break;
            }
        }
        var mainLengths = HuffmanCode.Lengths(main, PatchFormat.CodeBits(PatchFormat.TableMain));
        var distanceLengths = HuffmanCode.Lengths(distances, PatchFormat.CodeBits(PatchFormat.TableDistance));
        var prices = new MatchPrices();
        Fill(prices._literal, mainLengths, 0, PatchFormat.CodeBits(PatchFormat.TableMain));
        Fill(prices._lengthCode, mainLengths, PatchFormat.MatchSymbol, PatchFormat.CodeBits(PatchFormat.TableMain));
        Fill(prices._distanceCode, distanceLengths, 0, PatchFormat.CodeBits(PatchFormat.TableDistance));
        return prices;
    }

    /// <summary>Each price is the code length of symbol <paramref name="first"/> + its index, or maxBits + 2 when it has none.</summary>
    private static void Fill(float[] prices, byte[] lengths, int first, int maxBits)
    {
        for (int s = 0; s < prices.Length; s++) prices[s] = lengths[first + s] == 0 ? maxBits + 2 : lengths[first + s];
    }
}
