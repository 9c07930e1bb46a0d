using System.Security.Cryptography;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Build.DeviceCost;

/// <summary>
/// Serves a site from memory as a static web host does: 200 with an ETag, 304 when If-None-Match
/// matches, 206 from a Range start, 404 for anything not published. The network and TLS are native on
/// the device, so none of this is counted.
/// </summary>
internal sealed class MemorySiteTransport(Dictionary<string, byte[]> files) : IHttpTransport
{
    /// <summary>The site's files; replace entries to publish.</summary>
    public Dictionary<string, byte[]> Files { get; } = files;

    public int Requests { get; private set; }

    public IHttpResponse Get(string path, long rangeStart, string ifNoneMatch)
    {
        Requests++;
        if (!Files.TryGetValue(path, out var body)) return new MemorySiteResponse(404, null, [], 0, -1);
        string etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..16] + "\"";
        if (ifNoneMatch is not null && ifNoneMatch == etag) return new MemorySiteResponse(304, etag, [], 0, -1);
        if (rangeStart < 0) return new MemorySiteResponse(200, etag, body, 0, -1);
        if (rangeStart >= body.Length) return new MemorySiteResponse(416, etag, [], 0, -1);
        return new MemorySiteResponse(206, etag, body, (int)rangeStart, rangeStart);
    }
}
