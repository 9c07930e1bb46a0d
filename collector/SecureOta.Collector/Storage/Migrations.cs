namespace SecureOta.Collector.Storage;

/// <summary>
/// The schema, as numbered migrations applied in order at start and recorded in schema_version. Each
/// statement is plain SQL that SQLite and PostgreSQL both accept. Never edit a published migration:
/// add the next number (a database remembers what it has run).
/// </summary>
public static class Migrations
{
    public const string VersionTable =
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)";

    /// <summary>Migration n is All[n - 1]: its statements, run in one transaction with its schema_version row.</summary>
    public static readonly IReadOnlyList<string[]> All =
    [
        // 1: the per-device counter (the replay defence) and the reports themselves. A report's key is
        // (device, counter), so even a bug elsewhere could not store one counter twice. Times are Unix
        // milliseconds (UTC) in BIGINT, the one time type both databases store alike.
        [
            """
            CREATE TABLE device_counters (
                device_id TEXT PRIMARY KEY,
                last_counter BIGINT NOT NULL,
                updated_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE reports (
                device_id TEXT NOT NULL,
                counter BIGINT NOT NULL,
                received_at BIGINT NOT NULL,
                kind TEXT NOT NULL,
                channel TEXT NOT NULL,
                version TEXT NOT NULL,
                running TEXT NOT NULL,
                artifact TEXT NULL,
                check_code TEXT NULL,
                reason TEXT NULL,
                uptime BIGINT NULL,
                body TEXT NOT NULL,
                PRIMARY KEY (device_id, counter))
            """,
            "CREATE INDEX reports_received_at ON reports (received_at)",
            "CREATE INDEX reports_channel_version ON reports (channel, version, kind)",
        ],
    ];

    /// <summary>The schema version this collector writes.</summary>
    public static int Latest => All.Count;
}
