using System.Data.Common;
using SecureOta.Collector.Reports;

namespace SecureOta.Collector.Storage;

/// <summary>
/// The report store over SQLite or PostgreSQL (<see cref="DatabaseBackend"/>), with one SQL text for
/// both. Storing is one transaction: make sure the device has a counter row, move the counter forward
/// only if the new one is above it and within <see cref="MaxCounterStep"/> (a conditional UPDATE,
/// atomic in both databases), and insert the report only if that UPDATE changed a row.
/// </summary>
public sealed class ReportStore : IReportStore
{
    private readonly DatabaseBackend backend;
    private readonly TimeProvider time;
    private readonly GroupCommitQueue? _groupCommit;

    public ReportStore(DatabaseBackend backend, TimeProvider time)
    {
        this.backend = backend;
        this.time = time;
        // SQLite has one writer: reports queue for group commit. PostgreSQL writes concurrently.
        if (backend.SingleWriter) _groupCommit = new GroupCommitQueue(backend.OpenAsync, StoreInTransactionAsync);
    }

    /// <summary>A device increments by one per report; a larger jump than this is refused (422).</summary>
    public const long MaxCounterStep = 1_000_000;

    public string Backend => backend.Name;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await backend.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, Migrations.VersionTable, cancellationToken);

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (backend.MigrationLockSql is { } lockSql) await ExecuteAsync(connection, transaction, lockSql, cancellationToken);
        long current = await ScalarAsync(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version", cancellationToken);
        if (current > Migrations.Latest)
        {
            throw new CollectorConfigurationException(
                $"The database has schema version {current}; this collector knows up to {Migrations.Latest}. Run the newer collector that migrated it.");
        }

        for (int version = (int)current + 1; version <= Migrations.Latest; version++)
        {
            foreach (var statement in Migrations.All[version - 1])
                await ExecuteAsync(connection, transaction, statement, cancellationToken);
            await ExecuteAsync(connection, transaction, "INSERT INTO schema_version (version, applied_at) VALUES (@version, @now)", cancellationToken,
                ("@version", version), ("@now", time.GetUtcNow().ToUnixTimeMilliseconds()));
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<StoreResult> StoreAsync(DeviceReport report, DateTimeOffset received, CancellationToken cancellationToken)
    {
        if (_groupCommit is not null) return await _groupCommit.StoreAsync(report, received, cancellationToken);

        await using var connection = await backend.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await StoreInTransactionAsync(connection, transaction, report, received, cancellationToken);
        if (result.Status == StoreStatus.Stored) await transaction.CommitAsync(cancellationToken);
        else await transaction.RollbackAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// The atomic step inside the caller's transaction: a counter row for the device (new devices start
    /// at 0), the conditional UPDATE that moves it forward, and the insert only when the UPDATE moved it.
    /// Two concurrent transactions cannot both move the counter to the same value: PostgreSQL re-checks
    /// the WHERE on the row the first one committed; SQLite has one writer at a time.
    /// </summary>
    private static async Task<StoreResult> StoreInTransactionAsync(DbConnection connection, DbTransaction transaction,
        DeviceReport report, DateTimeOffset received, CancellationToken cancellationToken)
    {
        long now = received.ToUnixTimeMilliseconds();
        await ExecuteAsync(connection, transaction,
            "INSERT INTO device_counters (device_id, last_counter, updated_at) VALUES (@device, 0, @now) ON CONFLICT (device_id) DO NOTHING",
            cancellationToken, ("@device", report.Device), ("@now", now));
        int moved = await ExecuteAsync(connection, transaction,
            "UPDATE device_counters SET last_counter = @counter, updated_at = @now " +
            "WHERE device_id = @device AND last_counter < @counter AND @counter - last_counter <= @step",
            cancellationToken, ("@device", report.Device), ("@counter", report.Counter), ("@now", now), ("@step", MaxCounterStep));
        if (moved == 0)
        {
            long last = await ScalarAsync(connection, transaction, "SELECT last_counter FROM device_counters WHERE device_id = @device",
                cancellationToken, ("@device", report.Device));
            return new StoreResult(report.Counter <= last ? StoreStatus.Replay : StoreStatus.CounterJump, last);
        }

        await ExecuteAsync(connection, transaction,
            "INSERT INTO reports (device_id, counter, received_at, kind, channel, version, running, artifact, check_code, reason, uptime, body) " +
            "VALUES (@device, @counter, @now, @kind, @channel, @version, @running, @artifact, @check, @reason, @uptime, @body)",
            cancellationToken, ("@device", report.Device), ("@counter", report.Counter), ("@now", now), ("@kind", report.Kind),
            ("@channel", report.Channel), ("@version", report.Version), ("@running", report.Running), ("@artifact", report.Artifact),
            ("@check", report.Check), ("@reason", report.Reason), ("@uptime", report.Uptime), ("@body", report.Body));
        return new StoreResult(StoreStatus.Stored, report.Counter);
    }

    public async Task<SummaryRows> ReadSummaryAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        long from = since?.ToUnixTimeMilliseconds() ?? long.MinValue;
        await using var connection = await backend.OpenAsync(cancellationToken);
        // One read transaction, so the four queries see the same reports.
        await using var transaction = await backend.BeginReadAsync(connection, cancellationToken);

        var kinds = await QueryAsync(connection, transaction,
            "SELECT channel, version, kind, COUNT(*), COUNT(DISTINCT device_id) FROM reports WHERE received_at >= @since " +
            "GROUP BY channel, version, kind",
            r => new KindCount(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4)), cancellationToken, from);
        var failed = await QueryAsync(connection, transaction,
            "SELECT channel, version, COUNT(DISTINCT device_id) FROM reports WHERE received_at >= @since " +
            $"AND kind IN ('{ReportKinds.VerificationFailed}', '{ReportKinds.DownloadFailed}') GROUP BY channel, version",
            r => new ReleaseCount(r.GetString(0), r.GetString(1), r.GetInt64(2)), cancellationToken, from);
        var reasons = await QueryAsync(connection, transaction,
            "SELECT channel, version, kind, check_code, reason, COUNT(DISTINCT device_id) FROM reports WHERE received_at >= @since " +
            $"AND kind IN ({string.Join(", ", ReportKinds.Failures.Select(k => $"'{k}'"))}) GROUP BY channel, version, kind, check_code, reason",
            r => new ReasonCount(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.GetInt64(5)), cancellationToken, from);
        // Each device's latest report in the window (highest counter: the device's own order) says what it runs.
        var field = await QueryAsync(connection, transaction,
            "SELECT r.channel, r.running, COUNT(*) FROM reports r JOIN " +
            "(SELECT device_id, MAX(counter) AS latest FROM reports WHERE received_at >= @since GROUP BY device_id) l " +
            "ON r.device_id = l.device_id AND r.counter = l.latest GROUP BY r.channel, r.running",
            r => new ReleaseCount(r.GetString(0), r.GetString(1), r.GetInt64(2)), cancellationToken, from);
        await transaction.CommitAsync(cancellationToken);
        return new SummaryRows(kinds, failed, reasons, field);
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await backend.OpenAsync(cancellationToken);
        return await ScalarAsync(connection, null, "SELECT COUNT(*) FROM reports", cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_groupCommit is not null) await _groupCommit.DisposeAsync();
        await backend.DisposeAsync();
    }

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, DbTransaction transaction, string sql,
        Func<DbDataReader, T> read, CancellationToken cancellationToken, long since)
    {
        await using var command = Command(connection, transaction, sql, ("@since", since));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(read(reader));
        return rows;
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql,
        CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql,
        CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
