using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Host.Http;

/// <summary>
/// One response of <see cref="PinnedHttpsTransport"/>: status and the headers the protocol reads, and
/// the body read straight from the connection (never buffered), each read bounded by a timeout.
/// </summary>
internal sealed class PinnedHttpsResponse : IHttpResponse
{
    private readonly HttpResponseMessage _response;
    private readonly Stream _body;
    private readonly Uri _url;
    private readonly TimeSpan _readTimeout;
    private long _bytesRead;
    private bool _disposed;

    public PinnedHttpsResponse(HttpResponseMessage response, Stream body, Uri url, TimeSpan readTimeout)
    {
        _response = response;
        _body = body;
        _url = url;
        _readTimeout = readTimeout;
        StatusCode = (int)response.StatusCode;
        ETag = response.Headers.TryGetValues("ETag", out var etags) ? etags.FirstOrDefault() : null;
        ContentLength = response.Content.Headers.ContentLength ?? -1;
        var range = response.Content.Headers.ContentRange;
        ContentRangeStart = range is { HasRange: true, From: { } from } && range.Unit == "bytes" ? from : -1;
    }

    public int StatusCode { get; }

    public string? ETag { get; }

    public long ContentLength { get; }

    public long ContentRangeStart { get; }

    public int Read(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > buffer.Length - offset) throw new ArgumentOutOfRangeException(nameof(count), "buffer[offset, offset+count) must lie inside buffer.");
        ObjectDisposedException.ThrowIf(_disposed, this);

        using var timeout = new CancellationTokenSource(_readTimeout);
        try
        {
            var pending = _body.ReadAsync(buffer.AsMemory(offset, count), timeout.Token);
            int read = pending.IsCompleted ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
            _bytesRead += read;
            return read;
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested)
        {
            throw new TransportException(
                $"GET {_url} timed out: no body data within {_readTimeout.TotalSeconds:0.###} s after {_bytesRead} bytes.", e);
        }
        catch (Exception e) when (e is IOException or HttpRequestException or ObjectDisposedException)
        {
            throw new TransportException($"GET {_url} lost the connection after {_bytesRead} body bytes: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _body.Dispose();
        _response.Dispose();
    }
}
