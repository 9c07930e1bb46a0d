using Microsoft.AspNetCore.Http;

namespace SecureOta.Build.LocalServer;

/// <summary>
/// A response body sent a few bytes at a time with a pause after each piece: a server that keeps every
/// read of the client alive while delivering almost nothing (TUF's slow retrieval attack). Used by
/// <see cref="LocalSiteFaults.Drip"/>. Stops early when the client goes away or the server stops.
/// </summary>
internal sealed class DripResponseStream : WriteOnlyResponseStream
{
    private readonly int _bytesPerPiece;
    private readonly TimeSpan _pause;
    private readonly HttpContext _context;
    private readonly CancellationToken _serverStopping;

    public DripResponseStream(Stream inner, int bytesPerPiece, TimeSpan pause, HttpContext context, CancellationToken serverStopping)
        : base(inner)
    {
        _bytesPerPiece = bytesPerPiece;
        _pause = pause;
        _context = context;
        _serverStopping = serverStopping;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(_context.RequestAborted, _serverStopping, cancellationToken);
        try
        {
            for (int at = 0; at < buffer.Length; at += _bytesPerPiece)
            {
                await Inner.WriteAsync(buffer[at..Math.Min(buffer.Length, at + _bytesPerPiece)], either.Token).ConfigureAwait(false);
                await Inner.FlushAsync(either.Token).ConfigureAwait(false);
                await Task.Delay(_pause, either.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The client gave up or the server is stopping: end the response short, as a cut does.
            throw new ResponseCutException();
        }
    }
}
