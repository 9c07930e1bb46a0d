using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.Delta;

/// <summary>
/// The three most recent match distances of a segment (docs/PROTOCOL.md section 11a.5), kept as the
/// patcher keeps them: fills aside, each match moves its distance to the front; all 0 at a segment's start.
/// </summary>
internal struct RecentDistances
{
    private int _first;
    private int _second;
    private int _third;

    public RecentDistances(int first, int second, int third)
    {
        _first = first;
        _second = second;
        _third = third;
    }

    public readonly int First => _first;

    public readonly int Second => _second;

    public readonly int Third => _third;

    /// <summary>Which recent distance <paramref name="distance"/> is (0 the most recent), or -1.</summary>
    public readonly int IndexOf(int distance)
    {
        if (distance <= 1) return -1;
        if (distance == _first) return 0;
        if (distance == _second) return 1;
        return distance == _third ? 2 : -1;
    }

    /// <summary>The state after a match from <paramref name="distance"/> back (a fill leaves it as it is).</summary>
    public readonly RecentDistances After(int distance)
    {
        if (distance <= 1 || distance == _first) return this;
        return distance == _second ? new RecentDistances(distance, _first, _third) : new RecentDistances(distance, _first, _second);
    }

    /// <summary>The distance symbol for <paramref name="distance"/>: a recent one's, or -1 when it must be coded as a number.</summary>
    public readonly int Symbol(int distance)
    {
        int index = IndexOf(distance);
        return index < 0 ? -1 : PatchFormat.NumberCodes + index;
    }
}
