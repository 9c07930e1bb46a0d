namespace SecureOta.Build.Gate;

/// <summary>
/// What the gate got from <c>--collector-summary</c>: the summary, or why there is none (no collector
/// configured, or a summary refused: unreachable, over its size bound, late, malformed). Without a
/// summary the gate holds every channel it governs and says why.
/// </summary>
public sealed record SummaryLoad(CollectorSummary? Summary, string? Problem, string Source)
{
    public static SummaryLoad NotConfigured { get; } = new(null,
        "no collector summary was given (--collector-summary): no device reports to act on", "none");
}
