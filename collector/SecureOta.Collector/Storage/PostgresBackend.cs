using System.Data.Common;
using Npgsql;

namespace SecureOta.Collector.Storage;

/// <summary>
/// PostgreSQL through Npgsql, for a fleet that outgrows one machine: a pooled data source; several
/// collectors may share the database (the conditional counter update is atomic across them, and
/// migrations take a table lock).
/// </summary>
public sealed class PostgresBackend(string connectionString) : DatabaseBackend
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public override string Name => "postgresql";

    public override string? MigrationLockSql => "LOCK TABLE schema_version IN EXCLUSIVE MODE";

    public override bool SingleWriter => false;

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
