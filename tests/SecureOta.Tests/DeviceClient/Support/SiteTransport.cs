using System.Security.Cryptography;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Tests.DeviceClient.Support;

/// <summary>
/// A static site served from memory with the HTTP semantics the device relies on: ETag and
/// If-None-Match (304), "Range: bytes=N-" (206 with Content-Range), 404 for missing files, and
/// per-path faults (<see cref="SiteFault"/>). Reads copy from the stored body and allocate nothing.
/// </summary>
public sealed class SiteTransport : IHttpTransport
{
    private readonly Dictionary<string, SiteFault> _faults = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _dropsDone = new(StringComparer.Ordinal);

    public SiteTransport(Dictionary<string, byte[]> files)
    {
        Files = files;
    }

    /// <summary>The site's files by path ("channels/stable.json").</summary>
    public Dictionary<string, byte[]> Files { get; }

    public List<SiteRequest> Requests { get; } = [];

    /// <summary>When true, every Get throws a TransportException (network down).</summary>
    public bool Offline { get; set; }

    public void SetFault(string path, SiteFault fault) => _faults[path] = fault;

    public void ClearFaults()
    {
        _faults.Clear();
        _dropsDone.Clear();
    }

    public static string ETagOf(byte[] body) => "\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..16] + "\"";

    public IHttpResponse Get(string path, long rangeStart, string ifNoneMatch)
    {
        if (Offline) throw new TransportException("network unreachable");
        _faults.TryGetValue(path, out SiteFault? fault);
        if (fault is { NotFound: true } || !Files.TryGetValue(path, out byte[]? published))
            return Answer(path, rangeStart, ifNoneMatch, 404, [], 0, null, -1, fault);
        if (fault is { Status: > 0 })
            return Answer(path, rangeStart, ifNoneMatch, fault.Status, [], 0, null, -1, fault);

        byte[] body = fault?.Apply(published) ?? published;
        string etag = ETagOf(body);
        if (ifNoneMatch != null && ifNoneMatch == etag)
            return Answer(path, rangeStart, ifNoneMatch, 304, [], 0, etag, -1, fault);
        if (rangeStart < 0 || fault is { IgnoreRange: true })
            return Answer(path, rangeStart, ifNoneMatch, 200, body, 0, etag, -1, fault);
        if (rangeStart >= body.Length)
            return Answer(path, rangeStart, ifNoneMatch, 416, [], 0, etag, -1, fault);
        return Answer(path, rangeStart, ifNoneMatch, 206, body, (int)rangeStart, etag, rangeStart + (fault?.ShiftRange ?? 0), fault);
    }

    private TestResponse Answer(string path, long rangeStart, string? ifNoneMatch, int status, byte[] body, int start, string? etag,
        long contentRangeStart, SiteFault? fault)
    {
        Requests.Add(new SiteRequest(path, rangeStart, ifNoneMatch, status));
        long dropAfter = -1;
        if (fault is { DropAfterBytes: >= 0 } && (status == 200 || status == 206))
        {
            int done = _dropsDone.GetValueOrDefault(path);
            if (done < fault.Drops)
            {
                _dropsDone[path] = done + 1;
                dropAfter = fault.DropAfterBytes;
            }
        }
        return new TestResponse(status, etag, body, start, contentRangeStart, dropAfter, fault is { OmitContentLength: true });
    }

    private sealed class TestResponse(int status, string? etag, byte[] body, int start, long contentRangeStart, long dropAfter, bool omitLength)
        : IHttpResponse
    {
        private int _position = start;
        private long _sent;

        public int StatusCode => status;
        public string ETag => etag!;
        public long ContentLength { get; } = omitLength ? -1 : body.Length - start;
        public long ContentRangeStart => status == 206 ? contentRangeStart : -1;

        public int Read(byte[] buffer, int offset, int count)
        {
            int available = body.Length - _position;
            if (dropAfter >= 0)
            {
                if (_sent >= dropAfter) throw new TransportException("connection reset by peer");
                available = (int)Math.Min(available, dropAfter - _sent);
            }
            int n = Math.Min(count, available);
            if (n <= 0) return 0;
            Array.Copy(body, _position, buffer, offset, n);
            _position += n;
            _sent += n;
            return n;
        }

        public void Dispose() { }
    }
}
