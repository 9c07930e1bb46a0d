namespace SecureOta.Build.Delta;

/// <summary>Finds the longest exact match of any string in the old image, by binary search over its suffix array.</summary>
internal sealed class SuffixMatcher
{
    private readonly byte[] _old;
    private readonly int[] _suffixes;

    public SuffixMatcher(byte[] oldImage)
    {
        _old = oldImage;
        _suffixes = SuffixArray.Build(oldImage);
    }

    /// <summary>Length of the longest prefix of <paramref name="target"/> found in the old image, and where.</summary>
    public int LongestMatch(ReadOnlySpan<byte> target, out int position)
    {
        position = 0;
        if (_suffixes.Length == 0 || target.IsEmpty) return 0;
        int low = 0, high = _suffixes.Length;
        while (low < high)
        {
            int middle = (int)(((uint)low + (uint)high) >> 1);
            if (CompareSuffix(_suffixes[middle], target) < 0) low = middle + 1;
            else high = middle;
        }
        int best = 0;
        for (int k = Math.Max(0, low - 1); k <= Math.Min(_suffixes.Length - 1, low); k++)
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
