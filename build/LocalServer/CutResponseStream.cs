using Microsoft.AspNetCore.Http;

namespace SecureOta.Build.LocalServer;

/// <summary>
/// A response body that lets through a fixed number of bytes and then either drops the connection or
/// stalls it (holds it open, sending nothing, until the client gives up or the server stops) before
/// closing it. Used by
/// <see cref="LocalSiteFaults.DropConnectionAfter"/> and <see cref="LocalSiteFaults.StallAfter"/>.
/// </summary>
internal sealed class CutResponseStream : WriteOnlyResponseStream
{
    private readonly bool _stall;
    private readonly HttpContext _context;
    private readonly CancellationToken _serverStopping;
    private long _remaining;

    public CutResponseStream(Stream inner, long bytes, bool stall, HttpContext context, CancellationToken serverStopping)
        : base(inner)
    {
        _remaining = bytes;
        _stall = stall;
        _context = context;
        _serverStopping = serverStopping;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.Length <= _remaining)
        {
            _remaining -= buffer.Length;
            await Inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (_remaining > 0) await Inner.WriteAsync(buffer[..(int)_remaining], cancellationToken).ConfigureAwait(false);
        _remaining = 0;
        await Inner.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (_stall) await HoldUntilGivenUpAsync().ConfigureAwait(false);
        // Not an abort: Kestrel would discard bytes still queued for the socket. The exception ends the
        // app's response short of its Content-Length, which makes Kestrel send what was written and
        // then close the connection.
        throw new ResponseCutException();
    }

    private async Task HoldUntilGivenUpAsync()
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(_context.RequestAborted, _serverStopping);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client closed the connection or the server is stopping: the stall is over.
        }
    }
}
