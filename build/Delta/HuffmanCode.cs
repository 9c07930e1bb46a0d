namespace SecureOta.Build.Delta;

/// <summary>
/// Length-limited canonical Huffman codes (docs/PROTOCOL.md section 11a.4): lengths from symbol counts
/// (optimal ones within the length limit), codes assigned shorter first, equal lengths in
/// symbol order, exactly as the device builds its lookup tables.
/// </summary>
internal static class HuffmanCode
{
    /// <summary>Code lengths (0 for unused symbols) for <paramref name="counts"/>, none longer than <paramref name="maxBits"/>.</summary>
    public static byte[] Lengths(long[] counts, int maxBits)
    {
        var lengths = new byte[counts.Length];
        var used = Enumerable.Range(0, counts.Length).Where(i => counts[i] > 0).ToList();
        if (used.Count == 0) return lengths;
        if (used.Count == 1)
        {
            lengths[used[0]] = 1;
            return lengths;
        }
        var weights = used.Select(i => counts[i]).ToArray();
        var depth = Depths(weights);
        if (depth.Max() > maxBits) depth = LimitedDepths(weights, maxBits);
        for (int k = 0; k < used.Count; k++) lengths[used[k]] = (byte)depth[k];
        return lengths;
    }

    /// <summary>
    /// The optimal code lengths of at most <paramref name="maxBits"/> for <paramref name="weights"/>, by
    /// package-merge (Larmore and Hirschberg, 1990): a symbol's length is how many of the cheapest 2n - 2
    /// items of the last list hold it, an item being a symbol or a package of two items of the list before.
    /// </summary>
    private static int[] LimitedDepths(long[] weights, int maxBits)
    {
        int n = weights.Length;
        var bySize = Enumerable.Range(0, n).OrderBy(i => weights[i]).ThenBy(i => i).ToArray();
        // Items: a symbol (left = -1, right = its index) or a package of two earlier items.
        var itemWeight = new List<long>();
        var left = new List<int>();
        var right = new List<int>();
        var leaves = new int[n];
        for (int k = 0; k < n; k++)
        {
            leaves[k] = itemWeight.Count;
            itemWeight.Add(weights[bySize[k]]);
            left.Add(-1);
            right.Add(bySize[k]);
        }
        var list = new List<int>(leaves);
        for (int level = 1; level < maxBits; level++)
        {
            var packages = new List<int>();
            for (int k = 0; k + 1 < list.Count; k += 2)
            {
                packages.Add(itemWeight.Count);
                itemWeight.Add(itemWeight[list[k]] + itemWeight[list[k + 1]]);
                left.Add(list[k]);
                right.Add(list[k + 1]);
            }
            var merged = new List<int>(n + packages.Count);
            int a = 0, b = 0;
            while (a < n || b < packages.Count)
            {
                if (b == packages.Count || (a < n && itemWeight[leaves[a]] <= itemWeight[packages[b]])) merged.Add(leaves[a++]);
                else merged.Add(packages[b++]);
            }
            list = merged;
        }
        var depth = new int[n];
        var pending = new Stack<int>(list.Take(2 * n - 2));
        while (pending.Count > 0)
        {
            int item = pending.Pop();
            if (left[item] < 0) depth[right[item]]++;
            else
            {
                pending.Push(left[item]);
                pending.Push(right[item]);
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

    private static int[] Depths(long[] weights)
    {
        int n = weights.Length;
        var parent = new int[2 * n - 1];
        var queue = new PriorityQueue<int, (long, int)>();
        for (int i = 0; i < n; i++) queue.Enqueue(i, (weights[i], i));
        int nextNode = n;
        var nodeWeight = new long[2 * n - 1];
        Array.Copy(weights, nodeWeight, n);
        while (queue.Count > 1)
        {
            queue.TryDequeue(out int a, out var wa);
            queue.TryDequeue(out int b, out var wb);
            nodeWeight[nextNode] = wa.Item1 + wb.Item1;
            parent[a] = nextNode;
            parent[b] = nextNode;
            queue.Enqueue(nextNode, (nodeWeight[nextNode], nextNode));
            nextNode++;
        }
        var depth = new int[2 * n - 1];
        for (int node = 2 * n - 3; node >= 0; node--) depth[node] = depth[parent[node]] + 1;
        return depth[..n];
    }
}
