using System.Security.Cryptography;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Build.DeviceCost;

/// <summary>
/// The AES-128 seam for the benchmark: native on the device (mbedTLS), so its work is outside the
/// counted core. One <see cref="Aes"/> per seam object, used by one thread.
/// </summary>
internal sealed class HostAes128 : IAes128, IDisposable
{
    private readonly Aes _aes = Aes.Create();

    public void DecryptCbc(byte[] key, byte[] iv, byte[] buffer, int offset, int count)
    {
        _aes.Key = key;
        _aes.DecryptCbc(buffer.AsSpan(offset, count), iv, buffer.AsSpan(offset, count), PaddingMode.None);
    }

    public void EncryptBlock(byte[] key, byte[] buffer, int offset)
    {
        _aes.Key = key;
        _aes.EncryptEcb(buffer.AsSpan(offset, 16), buffer.AsSpan(offset, 16), PaddingMode.None);
    }

    public void DecryptBlock(byte[] key, byte[] buffer, int offset)
    {
        _aes.Key = key;
        _aes.DecryptEcb(buffer.AsSpan(offset, 16), buffer.AsSpan(offset, 16), PaddingMode.None);
    }

    public void Dispose() => _aes.Dispose();
}
