namespace SecureOta.Build.Delta;

/// <summary>
/// Length-limited canonical Huffman codes (docs/PROTOCOL.md section 11a.4): lengths from symbol counts
/// (halving the counts until the longest code fits), codes assigned shorter first, equal lengths in
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
        while (true)
        {
            var depth = Depths(weights);
            if (depth.Max() <= maxBits)
            {
                for (int k = 0; k < used.Count; k++) lengths[used[k]] = (byte)depth[k];
                return lengths;
            }
            for (int k = 0; k < weights.Length; k++) weights[k] = Math.Max(1, weights[k] >> 1);
        }
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
