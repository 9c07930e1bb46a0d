namespace SecureOta.Build.Delta;

/// <summary>
/// Suffix array construction by induced sorting (SA-IS: Nong, Zhang and Chan, 2009), linear time.
/// The text is treated as followed by a virtual sentinel smaller than every symbol.
/// </summary>
internal static class SuffixArray
{
    /// <summary>The start offsets of all suffixes of <paramref name="text"/> in lexicographic order.</summary>
    public static int[] Build(ReadOnlySpan<byte> text)
    {
        var symbols = new int[text.Length];
        for (int i = 0; i < text.Length; i++) symbols[i] = text[i];
        var suffixes = new int[text.Length];
        Sort(symbols, suffixes, 256);
        return suffixes;
    }

    /// <summary>Sorts the suffixes of <paramref name="text"/> (symbols 0 .. alphabet-1) into <paramref name="suffixes"/>.</summary>
    private static void Sort(int[] text, int[] suffixes, int alphabet)
    {
        int n = text.Length;
        if (n == 0) return;
        if (n == 1)
        {
            suffixes[0] = 0;
            return;
        }

        // S-type (true) or L-type (false); the last symbol is L because the sentinel after it is smaller.
        var sType = new bool[n];
        for (int i = n - 2; i >= 0; i--)
        {
            sType[i] = text[i] < text[i + 1] || (text[i] == text[i + 1] && sType[i + 1]);
        }

        var counts = new int[alphabet];
        foreach (var c in text) counts[c]++;
        var buckets = new int[alphabet];

        // Step 1: LMS suffixes at the ends of their buckets, in text order; induce to sort the LMS substrings.
        Array.Fill(suffixes, -1);
        BucketEnds(counts, buckets);
        for (int i = 1; i < n; i++)
        {
            if (IsLms(sType, i)) suffixes[--buckets[text[i]]] = i;
        }
        Induce(text, suffixes, sType, counts, buckets);

        // Step 2: gather the sorted LMS positions, name their substrings, and sort the reduced text if names repeat.
        int lmsCount = 0;
        for (int i = 0; i < n; i++)
        {
            if (IsLms(sType, suffixes[i])) suffixes[lmsCount++] = suffixes[i];
        }
        Array.Fill(suffixes, -1, lmsCount, n - lmsCount);
        int names = 0;
        int previous = -1;
        for (int i = 0; i < lmsCount; i++)
        {
            int position = suffixes[i];
            if (previous < 0 || !SameLmsSubstring(text, sType, position, previous)) names++;
            previous = position;
            suffixes[lmsCount + position / 2] = names - 1;
        }
        var reduced = new int[lmsCount];
        for (int i = lmsCount, j = 0; i < n; i++)
        {
            if (suffixes[i] >= 0) reduced[j++] = suffixes[i];
        }
        var reducedSuffixes = new int[lmsCount];
        if (names < lmsCount) Sort(reduced, reducedSuffixes, names);
        else for (int i = 0; i < lmsCount; i++) reducedSuffixes[reduced[i]] = i;

        // Step 3: the LMS suffixes in their true order, at the ends of their buckets; induce the rest.
        for (int i = 1, j = 0; i < n; i++)
        {
            if (IsLms(sType, i)) reduced[j++] = i;
        }
        Array.Fill(suffixes, -1);
        BucketEnds(counts, buckets);
        for (int i = lmsCount - 1; i >= 0; i--)
        {
            int position = reduced[reducedSuffixes[i]];
            suffixes[--buckets[text[position]]] = position;
        }
        Induce(text, suffixes, sType, counts, buckets);
    }

    private static bool IsLms(bool[] sType, int i) => i > 0 && sType[i] && !sType[i - 1];

    /// <summary>Induces L-type suffixes left to right from bucket heads, then S-type right to left from bucket ends.</summary>
    private static void Induce(int[] text, int[] suffixes, bool[] sType, int[] counts, int[] buckets)
    {
        int n = text.Length;
        BucketStarts(counts, buckets);
        // The suffix just before the sentinel is the smallest L-type suffix of its bucket.
        suffixes[buckets[text[n - 1]]++] = n - 1;
        for (int i = 0; i < n; i++)
        {
            int j = suffixes[i] - 1;
            if (j >= 0 && !sType[j]) suffixes[buckets[text[j]]++] = j;
        }
        BucketEnds(counts, buckets);
        for (int i = n - 1; i >= 0; i--)
        {
            int j = suffixes[i] - 1;
            if (j >= 0 && sType[j]) suffixes[--buckets[text[j]]] = j;
        }
    }

    /// <summary>Whether the LMS substrings starting at a and b are equal in symbols and types (neither may reach the sentinel).</summary>
    private static bool SameLmsSubstring(int[] text, bool[] sType, int a, int b)
    {
        int n = text.Length;
        for (int d = 0; ; d++)
        {
            if (a + d == n || b + d == n) return false;
            if (text[a + d] != text[b + d] || sType[a + d] != sType[b + d]) return false;
            if (d > 0 && (IsLms(sType, a + d) || IsLms(sType, b + d))) return IsLms(sType, a + d) && IsLms(sType, b + d);
        }
    }

    private static void BucketStarts(int[] counts, int[] buckets)
    {
        int sum = 0;
        for (int c = 0; c < counts.Length; c++)
        {
            buckets[c] = sum;
            sum += counts[c];
        }
    }

    private static void BucketEnds(int[] counts, int[] buckets)
    {
        int sum = 0;
        for (int c = 0; c < counts.Length; c++)
        {
            sum += counts[c];
            buckets[c] = sum;
        }
    }
}
