namespace SecureOta.Collector.Summary;

/// <summary>
/// Orders version strings the way people read them: dot-separated parts, numeric parts by value
/// ("1.10.0" after "1.9.0"), other parts ordinally. Only for display order in the summary.
/// </summary>
public sealed class VersionOrder : IComparer<string>
{
    public static readonly VersionOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var left = x.Split('.', '-', '+');
        var right = y.Split('.', '-', '+');
        for (int i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            int order = long.TryParse(left[i], out long a) && long.TryParse(right[i], out long b)
                ? a.CompareTo(b)
                : string.CompareOrdinal(left[i], right[i]);
            if (order != 0) return order;
        }
        return left.Length != right.Length ? left.Length.CompareTo(right.Length) : string.CompareOrdinal(x, y);
    }
}
