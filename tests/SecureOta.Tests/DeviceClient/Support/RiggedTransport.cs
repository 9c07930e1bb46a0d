using SecureOta.Device.Core.Platform;

namespace SecureOta.Tests.DeviceClient.Support;

/// <summary>
/// A transport in front of another that a hostile mirror or a bad network controls: it can replace every
/// ETag, throw from Get, or drip bodies a few bytes per read while a <see cref="TestClock"/> advances.
/// </summary>
public sealed class RiggedTransport(IHttpTransport inner) : IHttpTransport
{
    /// <summary>Sent as every response's ETag when not null.</summary>
    public string? ETag { get; set; }

    /// <summary>Thrown by the next Get when not null (then cleared).</summary>
    public Exception? ThrowOnce { get; set; }

    /// <summary>When set, each read returns at most <see cref="DripBytes"/> bytes and advances this clock by <see cref="DripMilliseconds"/>.</summary>
    public TestClock? DripClock { get; set; }

    public int DripBytes { get; set; } = 1;

    public long DripMilliseconds { get; set; } = 1000;

    /// <summary>The If-None-Match of every request, in order.</summary>
    public List<string?> IfNoneMatches { get; } = [];

    public IHttpResponse Get(string path, long rangeStart, string ifNoneMatch)
    {
        IfNoneMatches.Add(ifNoneMatch);
        if (ThrowOnce is { } e)
        {
            ThrowOnce = null;
            throw e;
        }
        return new RiggedResponse(inner.Get(path, rangeStart, ifNoneMatch), this);
    }

    private sealed class RiggedResponse(IHttpResponse response, RiggedTransport rig) : IHttpResponse
    {
        public int StatusCode => response.StatusCode;
        public string ETag => rig.ETag ?? response.ETag;
        public long ContentLength => response.ContentLength;
        public long ContentRangeStart => response.ContentRangeStart;

        public int Read(byte[] buffer, int offset, int count)
        {
            if (rig.DripClock is not { } clock) return response.Read(buffer, offset, count);
            clock.Advance(rig.DripMilliseconds);
            return response.Read(buffer, offset, Math.Min(count, rig.DripBytes));
        }

        public void Dispose() => response.Dispose();
    }
}
