using System.Security.Cryptography;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Build.DeviceCost;

/// <summary>
/// The HMAC-SHA256 seam for the benchmark: native on the device (mbedTLS), so its work is outside
/// the counted core here too; each call counts as one call made by the core.
/// </summary>
internal sealed class HostHmacSha256 : IHmacSha256
{
    public void Compute(byte[] key, byte[] data, int offset, int count, byte[] output, int outputOffset) =>
        HMACSHA256.HashData(key, data.AsSpan(offset, count), output.AsSpan(outputOffset, 32));
}
