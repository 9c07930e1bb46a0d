using System.Security.Cryptography;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Host;

/// <summary>
/// HMAC-SHA256 seam over .NET's one-shot <see cref="HMACSHA256.HashData(ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte})"/>:
/// no state, no allocations, safe to share between threads.
/// </summary>
public sealed class DotNetHmacSha256 : IHmacSha256
{
    private const int TagLength = 32;

    public void Compute(byte[] key, byte[] data, int offset, int count, byte[] output, int outputOffset)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(output);
        if (offset < 0 || count < 0 || count > data.Length - offset)
            throw new ArgumentOutOfRangeException(nameof(count), "data[offset, offset+count) must lie inside data.");
        if (outputOffset < 0 || TagLength > output.Length - outputOffset)
            throw new ArgumentOutOfRangeException(nameof(outputOffset), "output needs 32 bytes from outputOffset.");

        HMACSHA256.HashData(key, data.AsSpan(offset, count), output.AsSpan(outputOffset, TagLength));
    }
}
