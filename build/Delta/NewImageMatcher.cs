using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.Delta;

/// <summary>
/// Cuts a stretch of new bytes that no copy from the old image explains into literals and matches the
/// patcher can copy from the new image itself: fills (the byte before, repeated: distance 1, any
/// length) and repeats from earlier in the same 4096-byte chunk (the output window holds nothing
/// older). Greedy longest match through 3-byte hash chains.
/// </summary>
internal sealed class NewImageMatcher
{
    private const int ChainDepth = 48;

    /// <summary>A repeat from further back must be at least this long to pay for its length and distance codes.</summary>
    private const int MinimumRepeat = 4;

    private readonly byte[] _new;
    private readonly int[] _previous;

    public NewImageMatcher(byte[] newImage)
    {
        _new = newImage;
        _previous = new int[newImage.Length];
        var head = new Dictionary<int, int>();
        for (int p = 0; p + 2 < newImage.Length; p++)
        {
            int key = newImage[p] | newImage[p + 1] << 8 | newImage[p + 2] << 16;
            _previous[p] = head.TryGetValue(key, out int q) ? q : -1;
            head[key] = p;
        }
        for (int p = Math.Max(0, newImage.Length - 2); p < newImage.Length; p++) _previous[p] = -1;
    }

    /// <summary>Adds the operations for new[start, start + length) to <paramref name="ops"/>.</summary>
    public void Parse(int start, int length, List<PatchOp> ops)
    {
        int end = start + length;
        int literalStart = start;
        int p = start;
        while (p < end)
        {
            var (matchLength, distance) = Best(p, end);
            if (matchLength == 0)
            {
                p++;
                continue;
            }
            if (p > literalStart) ops.Add(new PatchOp(PatchOpKind.Literal, literalStart, p - literalStart));
            ops.Add(new PatchOp(PatchOpKind.Match, p, matchLength, Distance: distance));
            p += matchLength;
            literalStart = p;
        }
        if (end > literalStart) ops.Add(new PatchOp(PatchOpKind.Literal, literalStart, end - literalStart));
    }

    private (int Length, int Distance) Best(int p, int end)
    {
        int before = p > 0 ? _new[p - 1] : 0;
        int fill = 0;
        while (p + fill < end && _new[p + fill] == before) fill++;
        int bestLength = fill >= PatchFormat.MinMatch ? fill : 0;
        int bestDistance = 1;
        int chunkStart = p & ~(PatchFormat.SegmentAlignment - 1);
        int limit = Math.Min(end, chunkStart + PatchFormat.SegmentAlignment) - p;
        int depth = 0;
        for (int q = _previous[p]; q >= chunkStart && depth < ChainDepth; q = _previous[q], depth++)
        {
            int k = 0;
            while (k < limit && _new[q + k] == _new[p + k]) k++;
            if (k >= MinimumRepeat && k > bestLength + 1)
            {
                bestLength = k;
                bestDistance = p - q;
            }
        }
        return (bestLength, bestDistance);
    }
}
