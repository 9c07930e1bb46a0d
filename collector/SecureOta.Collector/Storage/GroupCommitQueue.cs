using System.Data.Common;
using System.Threading.Channels;
using SecureOta.Collector.Reports;

namespace SecureOta.Collector.Storage;

/// <summary>
/// Group commit for a single-writer database (SQLite): concurrent reports queue here and one writer
/// stores up to <see cref="MaxBatch"/> of them per transaction, so one fsync covers many reports
/// instead of one each. Each report is still checked and inserted on its own, in arrival order, by
/// the same conditional update (a later report in the batch sees the earlier ones). A failed commit
/// fails the whole batch: none of its reports is stored and each caller sees the error (503, the
/// device retries).
/// </summary>
public sealed class GroupCommitQueue : IAsyncDisposable
{
    public const int MaxBatch = 256;

    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(4 * MaxBatch) { SingleReader = true });
    private readonly Func<CancellationToken, ValueTask<DbConnection>> _open;
    private readonly Func<DbConnection, DbTransaction, DeviceReport, DateTimeOffset, CancellationToken, Task<StoreResult>> _store;
    private readonly Task _writer;

    private sealed record Pending(DeviceReport Report, DateTimeOffset Received, TaskCompletionSource<StoreResult> Done);

    public GroupCommitQueue(Func<CancellationToken, ValueTask<DbConnection>> open,
        Func<DbConnection, DbTransaction, DeviceReport, DateTimeOffset, CancellationToken, Task<StoreResult>> store)
    {
        _open = open;
        _store = store;
        _writer = Task.Run(WriteLoopAsync);
    }

    public async Task<StoreResult> StoreAsync(DeviceReport report, DateTimeOffset received, CancellationToken cancellationToken)
    {
        var pending = new Pending(report, received, new TaskCompletionSource<StoreResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        // Once queued the report is written or failed regardless of the caller; waiting can still be cancelled.
        return await pending.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteLoopAsync()
    {
        DbConnection? connection = null;
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync())
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
                var results = new StoreResult[batch.Count];
                try
                {
                    connection ??= await _open(CancellationToken.None);
                    await using (var transaction = await connection.BeginTransactionAsync())
                    {
                        for (int i = 0; i < batch.Count; i++)
                            results[i] = await _store(connection, transaction, batch[i].Report, batch[i].Received, CancellationToken.None);
                        await transaction.CommitAsync();
                    }
                    for (int i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(results[i]);
                }
                catch (Exception e)
                {
                    foreach (var pending in batch) pending.Done.TrySetException(e);
                    // Start the next batch on a fresh connection: this one may be broken.
                    if (connection is not null) await connection.DisposeAsync();
                    connection = null;
                }
            }
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }
}
