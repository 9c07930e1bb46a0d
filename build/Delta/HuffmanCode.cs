namespace SecureOta.Build.Delta;

/// <summary>
/// Length-limited canonical Huffman codes (docs/PROTOCOL.md section 11a.4): lengths from symbol counts
/// (optimal ones within the length limit), codes assigned shorter first, equal lengths in
/// symbol order, exactly as the device builds its lookup tables.
/// </summary>
internal static class HuffmanCode
{
    /// <summary>
    /// Code lengths (0 for unused symbols) for <paramref name="counts"/>, none longer than <paramref name="maxBits"/>;
    /// optimal ones, or (<paramref name="optimal"/> false, for pricing) near-optimal ones that take a fraction
    /// of the time.
    /// </summary>
    public static byte[] Lengths(long[] counts, int maxBits, bool optimal = true)
    {
        var lengths = new byte[counts.Length];
        int n = 0;
        foreach (long c in counts) if (c > 0) n++;
        if (n == 0) return lengths;
        var used = new int[n];
        var weights = new long[n];
        for (int i = 0, k = 0; i < counts.Length; i++)
        {
            if (counts[i] <= 0) continue;
            used[k] = i;
            weights[k++] = counts[i];
        }
        if (n == 1)
        {
            lengths[used[0]] = 1;
            return lengths;
        }
        // Symbols by weight, ties in symbol order: the order both constructions take them in.
        var bySize = SortBySize(weights);
        var depth = Depths(weights, bySize, out int deepest);
        if (deepest > maxBits) depth = optimal ? LimitedDepths(weights, bySize, maxBits) : FlooredDepths(weights, bySize, maxBits);
        for (int k = 0; k < n; k++) lengths[used[k]] = (byte)depth[k];
        return lengths;
    }

    /// <summary>Indices of <paramref name="weights"/> by weight, ties by index.</summary>
    private static int[] SortBySize(long[] weights)
    {
        int n = weights.Length;
        var bySize = new int[n];
        int indexBits = 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)n);
        long heaviest = 0;
        foreach (long w in weights) heaviest = Math.Max(heaviest, w);
        if (heaviest < 1L << (62 - indexBits))
        {
            // Weight and index in one key: a plain sort of numbers.
            var keys = new long[n];
            for (int k = 0; k < n; k++) keys[k] = (weights[k] << indexBits) | (long)k;
            Array.Sort(keys);
            for (int k = 0; k < n; k++) bySize[k] = (int)(keys[k] & ((1L << indexBits) - 1));
            return bySize;
        }
        for (int k = 0; k < n; k++) bySize[k] = k;
        Array.Sort(bySize, (a, b) => weights[a] != weights[b] ? weights[a].CompareTo(weights[b]) : a.CompareTo(b));
        return bySize;
    }

    /// <summary>
    /// Lengths within <paramref name="maxBits"/> from a Huffman code of the weights raised to a floor, the
    /// floor raised by a quarter until the code fits: the rare symbols share the longest codes, the others keep theirs.
    /// </summary>
    private static int[] FlooredDepths(long[] weights, int[] bySize, int maxBits)
    {
        var raised = new long[weights.Length];
        for (long floor = 2; ; floor += floor / 4 + 1)
        {
            // Raising to a floor keeps the order by weight, so bySize still sorts the raised weights.
            for (int k = 0; k < weights.Length; k++) raised[k] = Math.Max(weights[k], floor);
            var depth = Depths(raised, bySize, out int deepest);
            if (deepest <= maxBits) return depth;
        }
    }

    /// <summary>
    /// The optimal code lengths of at most <paramref name="maxBits"/> for <paramref name="weights"/>, by
    /// package-merge (Larmore and Hirschberg, 1990): a symbol's length is how many of the cheapest 2n - 2
    /// items of the last list hold it, an item being a symbol or a package of two items of the list before.
    /// </summary>
    private static int[] LimitedDepths(long[] weights, int[] bySize, int maxBits)
    {
        int n = weights.Length;
        // Items: the n symbols (by size), then packages of two earlier items, numbered as they are made.
        int capacity = n + maxBits * n;
        var itemWeight = new long[capacity];
        var left = new int[capacity];
        var right = new int[capacity];
        for (int k = 0; k < n; k++)
        {
            itemWeight[k] = weights[bySize[k]];
            left[k] = -1;
            right[k] = bySize[k];
        }
        int items = n;
        var list = new int[2 * n];
        var merged = new int[2 * n];
        int listCount = n;
        for (int k = 0; k < n; k++) list[k] = k;
        for (int level = 1; level < maxBits; level++)
        {
            int firstPackage = items;
            for (int k = 0; k + 1 < listCount; k += 2)
            {
                itemWeight[items] = itemWeight[list[k]] + itemWeight[list[k + 1]];
                left[items] = list[k];
                right[items] = list[k + 1];
                items++;
            }
            int packages = items - firstPackage;
            int a = 0, b = 0, count = 0;
            while (a < n || b < packages)
            {
                if (b == packages || (a < n && itemWeight[a] <= itemWeight[firstPackage + b])) merged[count++] = a++;
                else merged[count++] = firstPackage + b++;
            }
            (list, merged) = (merged, list);
            listCount = count;
        }
        // How often each item is chosen: the first 2n - 2 of the last list, and a package's choices pass
        // to both its items (made before it, so a pass from the last item down reaches every one).
        var chosen = new int[items];
        for (int k = 0; k < 2 * n - 2; k++) chosen[list[k]]++;
        var depth = new int[n];
        for (int item = items - 1; item >= 0; item--)
        {
            if (chosen[item] == 0) continue;
            if (left[item] < 0) depth[right[item]] += chosen[item];
            else
            {
                chosen[left[item]] += chosen[item];
                chosen[right[item]] += chosen[item];
            }
        }
        return depth;
    }

    /// <summary>Canonical codes for <paramref name="lengths"/>.</summary>
    public static uint[] Codes(byte[] lengths)
    {
        var counts = new int[17];
        foreach (var l in lengths) if (l > 0) counts[l]++;
        var next = new uint[17];
        uint code = 0;
        for (int length = 1; length <= 16; length++)
        {
            code = (code + (uint)counts[length - 1]) << 1;
            if (length == 1) code = 0;
            next[length] = code;
        }
        var codes = new uint[lengths.Length];
        for (int s = 0; s < lengths.Length; s++)
        {
            if (lengths[s] > 0) codes[s] = next[lengths[s]]++;
        }
        return codes;
    }

    /// <summary>
    /// Unlimited Huffman code lengths for <paramref name="weights"/> (<paramref name="bySize"/>: symbols by
    /// weight, ties in symbol order), by two queues: symbols in that order and merged nodes in the order
    /// they are made, which is by weight too; a tie takes the symbol first, then the earlier node.
    /// </summary>
    private static int[] Depths(long[] weights, int[] bySize, out int deepest)
    {
        int n = weights.Length;
        var parent = new int[2 * n - 1];
        var nodeWeight = new long[2 * n - 1];
        Array.Copy(weights, nodeWeight, n);
        int nextLeaf = 0, nextNode = n, made = n;
        for (int k = 0; k < n - 1; k++)
        {
            int a = Take(), b = Take();
            nodeWeight[made] = nodeWeight[a] + nodeWeight[b];
            parent[a] = made;
            parent[b] = made;
            made++;
        }
        var depth = new int[2 * n - 1];
        deepest = 0;
        for (int node = 2 * n - 3; node >= 0; node--)
        {
            depth[node] = depth[parent[node]] + 1;
            deepest = Math.Max(deepest, depth[node]);
        }
        return depth[..n];

        int Take()
        {
            if (nextLeaf < n && (nextNode == made || nodeWeight[bySize[nextLeaf]] <= nodeWeight[nextNode])) return bySize[nextLeaf++];
            return nextNode++;
        }
    }
}
