using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Simulation;

/// <summary>An <see cref="IHttpResponse"/> that reports every body byte read, for the simulator's traffic count.</summary>
internal sealed class CountingResponse : IHttpResponse
{
    private readonly IHttpResponse _inner;
    private readonly Action<int> _counted;

    public CountingResponse(IHttpResponse inner, Action<int> counted)
    {
        _inner = inner;
        _counted = counted;
    }

    public int StatusCode => _inner.StatusCode;

    public string? ETag => _inner.ETag;

    public long ContentLength => _inner.ContentLength;

    public long ContentRangeStart => _inner.ContentRangeStart;

    public int Read(byte[] buffer, int offset, int count)
    {
        int read = _inner.Read(buffer, offset, count);
        if (read > 0) _counted(read);
        return read;
    }

    public void Dispose() => _inner.Dispose();
}
