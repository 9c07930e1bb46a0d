namespace SecureOta.Build.Delta;

/// <summary>
/// Finds the longest exact match of any string in the old image, by binary search over its suffix
/// array. A table of where each two-byte prefix's suffixes lie narrows every search to those suffixes,
/// so a string that starts with a pair the old image lacks costs two lookups instead of a search.
/// </summary>
internal sealed class SuffixMatcher
{
    private const int PairCount = 1 << 16;

    private readonly byte[] _old;
    private readonly int[] _suffixes;
    private readonly int[] _pairStarts = new int[PairCount + 1];
    private readonly int[] _byteAt = new int[256];

    public SuffixMatcher(byte[] oldImage)
    {
        _old = oldImage;
        _suffixes = SuffixArray.Build(oldImage);
        // The one-byte last suffix "x" sorts first among the "x.." suffixes, so giving it the key of "x\0" keeps keys non-decreasing.
        var counts = new int[PairCount + 1];
        foreach (int start in _suffixes) counts[PairKey(start) + 1]++;
        for (int k = 0; k < PairCount; k++) counts[k + 1] += counts[k];
        Array.Copy(counts, _pairStarts, PairCount + 1);
        Array.Fill(_byteAt, -1);
        for (int i = oldImage.Length - 1; i >= 0; i--) _byteAt[oldImage[i]] = i;
    }

    /// <summary>Length of the longest prefix of <paramref name="target"/> found in the old image, and where.</summary>
    public int LongestMatch(ReadOnlySpan<byte> target, out int position)
    {
        position = 0;
        if (target.IsEmpty || _old.Length == 0) return 0;
        int single = _byteAt[target[0]];
        if (target.Length == 1 || single < 0)
        {
            if (single < 0) return 0;
            position = single;
            return 1;
        }
        int key = (target[0] << 8) | target[1];
        int low = _pairStarts[key], high = _pairStarts[key + 1];
        if (low == high)
        {
            position = single;
            return 1;
        }
        int first = low, last = high - 1;
        while (low < high)
        {
            int middle = (int)(((uint)low + (uint)high) >> 1);
            if (CompareSuffix(_suffixes[middle], target) < 0) low = middle + 1;
            else high = middle;
        }
        int best = 0;
        for (int k = Math.Max(first, low - 1); k <= Math.Min(last, low); k++)
        {
            int common = _old.AsSpan(_suffixes[k]).CommonPrefixLength(target);
            if (common > best)
            {
                best = common;
                position = _suffixes[k];
            }
        }
        return best;
    }

    private int PairKey(int start) => (_old[start] << 8) | (start + 1 < _old.Length ? _old[start + 1] : 0);

    /// <summary>Negative when the suffix at <paramref name="start"/> sorts before <paramref name="target"/>, else non-negative.</summary>
    private int CompareSuffix(int start, ReadOnlySpan<byte> target)
    {
        var suffix = _old.AsSpan(start);
        int common = suffix.CommonPrefixLength(target);
        if (common == target.Length) return 0;
        if (common == suffix.Length) return -1;
        return suffix[common] - target[common];
    }
}
