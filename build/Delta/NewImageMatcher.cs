using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.Delta;

/// <summary>
/// Cuts a stretch of new bytes that no copy from the old image explains into literals and matches the
/// patcher copies from the new image itself (format version 3 on: from any earlier byte, fills being
/// distance 1). Candidates come from hash chains over the whole new image (<see cref="PrefixHashChains"/>); the cut is the
/// cheapest path through the stretch under the prices of <see cref="UsePrices"/> (a shortest path over byte positions, as
/// optimal LZ parsers do), except that a match of <see cref="NiceLength"/> bytes or more is taken at once.
/// </summary>
internal sealed class NewImageMatcher
{
    /// <summary>Chain links followed per position (over all prefix lengths) by default.</summary>
    public const int DefaultChainDepth = 1024;

    /// <summary>Chain links followed per position (over all prefix lengths): more finds older matches, at a cost in time.</summary>
    public int ChainDepth { get; init; } = DefaultChainDepth;

    /// <summary>A match this long is taken without weighing the positions inside it (long fills and repeats).</summary>
    private const int NiceLength = 192;

    private readonly byte[] _new;
    private readonly PrefixHashChains _chains;
    private readonly MatchPrices[] _chunkPrices;
    private readonly int[] _candidateFirst;
    private readonly int[] _candidateCount;
    private int[] _candidateLength = [];
    private int[] _candidateDistance = [];
    private int _candidateTotal;
    private float[] _cost = [];
    private int[] _stepLength = [];
    private int[] _stepDistance = [];
    private RecentDistances[] _recent = [];

    public NewImageMatcher(byte[] newImage)
    {
        _new = newImage;
        _chains = new PrefixHashChains(newImage);
        _candidateFirst = new int[newImage.Length];
        Array.Fill(_candidateFirst, -1);
        _candidateCount = new int[newImage.Length];
        _chunkPrices = new MatchPrices[newImage.Length / PatchFormat.SegmentAlignment + 1];
        Array.Fill(_chunkPrices, MatchPrices.FromBytes(newImage));
    }

    /// <summary>
    /// The prices the parse minimises, one per 4096-byte chunk of the new image (the chunk's segment has
    /// code tables of its own); set before <see cref="Parse"/>.
    /// </summary>
    public void UsePrices(Func<int, MatchPrices> chunkPrices)
    {
        for (int c = 0; c < _chunkPrices.Length; c++) _chunkPrices[c] = chunkPrices(c);
    }

    /// <summary>Adds the operations for new[start, start + length) to <paramref name="ops"/>.</summary>
    public void Parse(int start, int length, List<PatchOp> ops)
    {
        if (length == 0) return;
        Reserve(length + 1);
        var cost = _cost;
        Array.Fill(cost, float.PositiveInfinity, 0, length + 1);
        cost[0] = 0;
        _recent[0] = default;
        for (int i = 0; i < length; i++)
        {
            float here = cost[i];
            int p = start + i;
            var recent = _recent[i];
            var prices = _chunkPrices[p / PatchFormat.SegmentAlignment];
            Relax(i + 1, here + prices.Literal(_new[p]), 1, 0, recent);
            int limit = length - i;
            if (limit < PatchFormat.MinMatch) continue;
            int best = PatchFormat.MinMatch - 1;
            int before = p > 0 ? _new[p - 1] : 0;
            int fill = 0;
            while (fill < limit && _new[p + fill] == before) fill++;
            if (fill > best)
            {
                RelaxMatch(prices, i, here, best + 1, fill, 1, recent);
                best = fill;
            }
            // The recent distances cost a few bits: every length they reach is weighed.
            int longestRecent = 0;
            for (int k = 0; k < PatchFormat.RecentDistances; k++)
            {
                int distance = k == 0 ? recent.First : k == 1 ? recent.Second : recent.Third;
                if (distance < 2 || distance > p) continue;
                int common = _new.AsSpan(p - distance, limit).CommonPrefixLength(_new.AsSpan(p, limit));
                if (common < PatchFormat.MinMatch) continue;
                var after = recent.After(distance);
                int from = common >= NiceLength ? common : PatchFormat.MinMatch;
                for (int l = from; l <= common; l++) Relax(i + l, here + prices.RecentMatch(l, k), l, distance, after);
                longestRecent = Math.Max(longestRecent, common);
            }
            best = Math.Max(best, longestRecent);
            int first = Candidates(p, limit);
            for (int c = first; c < first + _candidateCount[p] && best < limit; c++)
            {
                int k = Math.Min(_candidateLength[c], limit);
                int distance = _candidateDistance[c];
                if (k <= best || recent.IndexOf(distance) >= 0) continue;
                RelaxMatch(prices, i, here, best + 1, k, distance, recent);
                best = k;
            }
            // A long match is taken as it is: the positions inside it are not weighed.
            if (best >= NiceLength) i += best - 1;
        }
        Emit(start, length, ops);
    }

    /// <summary>
    /// Where the chain matches of new[p..] within <paramref name="limit"/> bytes start in the candidate
    /// pool: every match longer than all nearer ones, nearest first. Found once and kept, as they do not
    /// depend on the prices: every later pass only weighs them again.
    /// </summary>
    private int Candidates(int p, int limit)
    {
        if (_candidateFirst[p] >= 0) return _candidateFirst[p];
        int first = _candidateTotal;
        int best = PatchFormat.MinMatch - 1;
        int depth = 0;
        int level = 0;
        var chain = _chains.Chain(0);
        var image = _new;
        for (int q = chain[p]; q >= 0 && depth < ChainDepth && best < limit && best < NiceLength; q = chain[q], depth++)
        {
            if (image[q + best] != image[p + best]) continue;
            int k = image.AsSpan(q, limit).CommonPrefixLength(image.AsSpan(p, limit));
            if (k <= best) continue;
            if (_candidateTotal == _candidateLength.Length)
            {
                Array.Resize(ref _candidateLength, Math.Max(1024, 2 * _candidateTotal));
                Array.Resize(ref _candidateDistance, _candidateLength.Length);
            }
            _candidateLength[_candidateTotal] = k;
            _candidateDistance[_candidateTotal] = p - q;
            _candidateTotal++;
            best = k;
            // Every longer match shares these bytes: walk on along the chain of the longest prefix they fill.
            level = PrefixHashChains.LevelFor(best, level);
            chain = _chains.Chain(level);
        }
        _candidateFirst[p] = first;
        _candidateCount[p] = _candidateTotal - first;
        return first;
    }

    /// <summary>Relaxes the positions a match from <paramref name="distance"/> back reaches with lengths <paramref name="from"/>..<paramref name="to"/>.</summary>
    private void RelaxMatch(MatchPrices prices, int i, float here, int from, int to, int distance, RecentDistances recent)
    {
        if (to >= NiceLength) from = to;
        var after = recent.After(distance);
        for (int l = from; l <= to; l++) Relax(i + l, here + prices.Match(l, distance), l, distance, after);
    }

    private void Relax(int target, float cost, int length, int distance, RecentDistances recent)
    {
        if (cost >= _cost[target]) return;
        _cost[target] = cost;
        _stepLength[target] = length;
        _stepDistance[target] = distance;
        _recent[target] = recent;
    }

    /// <summary>Walks the cheapest path back from the stretch's end and adds its operations in order.</summary>
    private void Emit(int start, int length, List<PatchOp> ops)
    {
        var steps = new List<(int At, int Length, int Distance)>();
        for (int j = length; j > 0;)
        {
            int l = _stepLength[j];
            steps.Add((j - l, l, _stepDistance[j]));
            j -= l;
        }
        steps.Reverse();
        int literalStart = -1;
        foreach (var (at, l, distance) in steps)
        {
            if (distance == 0)
            {
                if (literalStart < 0) literalStart = at;
                continue;
            }
            if (literalStart >= 0) ops.Add(new PatchOp(PatchOpKind.Literal, start + literalStart, at - literalStart));
            literalStart = -1;
            ops.Add(new PatchOp(PatchOpKind.Match, start + at, l, Distance: distance));
        }
        if (literalStart >= 0) ops.Add(new PatchOp(PatchOpKind.Literal, start + literalStart, length - literalStart));
    }

    private void Reserve(int count)
    {
        if (_cost.Length >= count) return;
        _cost = new float[count];
        _stepLength = new int[count];
        _stepDistance = new int[count];
        _recent = new RecentDistances[count];
    }
}
