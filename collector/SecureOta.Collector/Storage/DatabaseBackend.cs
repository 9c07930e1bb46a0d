using System.Data.Common;

namespace SecureOta.Collector.Storage;

/// <summary>
/// What differs between SQLite and PostgreSQL under <see cref="ReportStore"/>: opening a connection,
/// serialising migrations, and whether writers queue in-process. The SQL itself is shared.
/// </summary>
public abstract class DatabaseBackend : IAsyncDisposable
{
    /// <summary>"sqlite" or "postgresql".</summary>
    public abstract string Name { get; }

    /// <summary>An open connection, ready for the shared SQL.</summary>
    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A statement run first inside the migration transaction so two collectors starting at once
    /// migrate one after the other (null: the transaction already excludes other writers).
    /// </summary>
    public abstract string? MigrationLockSql { get; }

    /// <summary>
    /// Entered around each write transaction, or null. SQLite has one writer at a time anyway; queuing
    /// in-process is cheaper than letting connections spin on the database lock.
    /// </summary>
    public abstract SemaphoreSlim? WriteGate { get; }

    /// <summary>
    /// A read-only transaction whose queries all see one snapshot (the summary's four queries agree).
    /// PostgreSQL: REPEATABLE READ. SQLite overrides it so a read never takes the write lock.
    /// </summary>
    public virtual async ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);

    public abstract ValueTask DisposeAsync();
}
