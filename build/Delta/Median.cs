namespace SecureOta.Build.Delta;

/// <summary>
/// Medians for the bench: on a shared, noisy machine one run's time says little, and the median of several
/// ignores the runs a neighbour's load slowed down (a mean would not).
/// </summary>
public static class Median
{
    /// <summary>The median (the mean of the middle two for an even count); null when there are none.</summary>
    public static double? Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return null;
        int middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The median time; null when there are none.</summary>
    public static TimeSpan? Of(IEnumerable<TimeSpan> times) =>
        Of(times.Select(t => (double)t.Ticks)) is double ticks ? TimeSpan.FromTicks((long)Math.Round(ticks)) : null;
}
