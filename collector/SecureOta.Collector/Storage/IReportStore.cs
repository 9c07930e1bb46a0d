using SecureOta.Collector.Reports;

namespace SecureOta.Collector.Storage;

/// <summary>
/// Where reports live: SQLite (embedded, the default) or PostgreSQL, one schema and the same SQL for
/// both (<see cref="ReportStore"/>). The counter check and the insert are one atomic step, so two
/// concurrent reports with the same counter can never both be stored.
/// </summary>
public interface IReportStore : IAsyncDisposable
{
    /// <summary>"sqlite" or "postgresql": for logs, /healthz and the benchmark.</summary>
    string Backend { get; }

    /// <summary>Applies the numbered migrations the database lacks (schema_version); refuses a newer schema.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="report"/> when its counter is above the device's last and not too far above.</summary>
    Task<StoreResult> StoreAsync(DeviceReport report, DateTimeOffset received, CancellationToken cancellationToken);

    /// <summary>The grouped counts the summary is made of, for reports received at or after <paramref name="since"/>.</summary>
    Task<SummaryRows> ReadSummaryAsync(DateTimeOffset? since, CancellationToken cancellationToken);

    /// <summary>How many reports are stored (tests, the benchmark).</summary>
    Task<long> CountAsync(CancellationToken cancellationToken);
}
