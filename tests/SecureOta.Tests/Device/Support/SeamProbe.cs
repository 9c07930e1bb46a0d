using SecureOta.Device.Core.Platform;
using SecureOta.Device.Host;

namespace SecureOta.Tests.Device.Support;

/// <summary>
/// Host AES and HMAC seams that record what the core asks of them: how many CBC decryptions ran
/// (to prove nothing is decrypted before its digest checks) and how many bytes the host
/// implementations themselves allocated (so a test can tell the core's allocations from theirs).
/// </summary>
public sealed class SeamProbe : IAes128, IHmacSha256, IDisposable
{
    private readonly DotNetAes128 _aes = new();
    private readonly DotNetHmacSha256 _hmac = new();

    public int DecryptCalls { get; private set; }

    public long SeamAllocatedBytes { get; private set; }

    public void DecryptCbc(byte[] key, byte[] iv, byte[] buffer, int offset, int count)
    {
        DecryptCalls++;
        long before = GC.GetAllocatedBytesForCurrentThread();
        _aes.DecryptCbc(key, iv, buffer, offset, count);
        SeamAllocatedBytes += GC.GetAllocatedBytesForCurrentThread() - before;
    }

    public void EncryptBlock(byte[] key, byte[] buffer, int offset) => _aes.EncryptBlock(key, buffer, offset);

    public void DecryptBlock(byte[] key, byte[] buffer, int offset) => _aes.DecryptBlock(key, buffer, offset);

    public void Compute(byte[] key, byte[] data, int offset, int count, byte[] output, int outputOffset)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        _hmac.Compute(key, data, offset, count, output, outputOffset);
        SeamAllocatedBytes += GC.GetAllocatedBytesForCurrentThread() - before;
    }

    public void Dispose() => _aes.Dispose();
}
