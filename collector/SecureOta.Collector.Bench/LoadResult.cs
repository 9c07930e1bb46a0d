namespace SecureOta.Collector.Bench;

/// <summary>One backend's figures: reports stored, refusals, the measured window and latency percentiles (ms).</summary>
public sealed record LoadResult(string Backend, int Devices, int Concurrency, long Stored, long Refused, TimeSpan Window,
    double P50, double P99, double Max, long InStore)
{
    public double PerSecond => Stored / Window.TotalSeconds;

    public override string ToString() =>
        $"{Backend,-10} {Devices,7} {Concurrency,5} {Stored,9} {PerSecond,10:F0} {P50,8:F2} {P99,8:F2} {Max,8:F1} {Refused,7} {(InStore == Stored ? "yes" : $"NO ({InStore})"),8}";

    public const string Header = "backend    devices  conc    stored  reports/s  p50(ms)  p99(ms)  max(ms) refused  all-kept";
}
