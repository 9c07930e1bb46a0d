using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace SecureOta.Collector.Storage;

/// <summary>
/// SQLite through Microsoft.Data.Sqlite: one file, write-ahead log (readers never wait for the writer),
/// full fsync on commit (a stored report survives power loss: the device has already dropped it), pooled
/// connections. Microsoft.Data.Sqlite begins transactions IMMEDIATE, so the counter check runs under
/// the write lock.
/// </summary>
public sealed class SqliteBackend : DatabaseBackend
{
    private readonly string _connectionString;

    public SqliteBackend(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        DatabasePath = path;
    }

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    public override string Name => "sqlite";

    public override string? MigrationLockSql => null;

    public override bool SingleWriter => true;

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>A DEFERRED transaction: in WAL mode it reads one snapshot and never blocks the writer.</summary>
    public override ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open (and its WAL); release them so the file can be moved or deleted.
        SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }
}
