using SecureOta.Device.Core.Platform;

namespace SecureOta.Build.DeviceCost;

/// <summary>One response of <see cref="MemorySiteTransport"/>: the body from a start offset.</summary>
internal sealed class MemorySiteResponse(int statusCode, string? etag, byte[] body, int start, long contentRangeStart) : IHttpResponse
{
    private readonly int _length = body.Length - start;
    private int _position = start;

    public int StatusCode { get; } = statusCode;

    public string? ETag { get; } = etag;

    public long ContentLength => _length;

    public long ContentRangeStart { get; } = contentRangeStart;

    public int Read(byte[] buffer, int offset, int count)
    {
        int n = Math.Min(count, body.Length - _position);
        Array.Copy(body, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public void Dispose()
    {
    }
}
