using Microsoft.AspNetCore.Http;

namespace SecureOta.Collector.Reports;

/// <summary>
/// Reads a report body of at most <see cref="MaxBytes"/> bytes without ever reading more than one byte
/// past it: a declared Content-Length over the limit is refused before reading, and a chunked body is
/// cut off at MaxBytes + 1. Returns null when the body is too large.
/// </summary>
public static class RequestBody
{
    public const int MaxBytes = 1024;

    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes) return null;
        var buffer = new byte[MaxBytes + 1];
        int filled = 0;
        while (filled < buffer.Length)
        {
            int read = await request.Body.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0) break;
            filled += read;
        }
        return filled > MaxBytes ? null : buffer[..filled];
    }
}
