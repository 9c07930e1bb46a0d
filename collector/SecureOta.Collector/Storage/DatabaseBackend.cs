using System.Data.Common;

namespace SecureOta.Collector.Storage;

/// <summary>
/// What differs between SQLite and PostgreSQL under <see cref="ReportStore"/>: opening a connection,
/// serialising migrations, and whether writes go through one writer. The SQL itself is shared.
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
    /// True when the database has one writer at a time (SQLite): the store then queues reports for group
    /// commit (<see cref="GroupCommitQueue"/>) instead of letting connections wait on the database lock.
    /// </summary>
    public abstract bool SingleWriter { get; }

    /// <summary>
    /// A read-only transaction whose queries all see one snapshot (the summary's four queries agree).
    /// PostgreSQL: REPEATABLE READ. SQLite overrides it so a read never takes the write lock.
    /// </summary>
    public virtual async ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);

    public abstract ValueTask DisposeAsync();
}
