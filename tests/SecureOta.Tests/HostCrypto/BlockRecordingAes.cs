using SecureOta.Device.Core.Platform;

namespace SecureOta.Tests.HostCrypto;

/// <summary>Passes calls through to a real AES seam and remembers the last buffer, to check what is left in it.</summary>
internal sealed class BlockRecordingAes(IAes128 inner) : IAes128
{
    public byte[]? LastBuffer { get; private set; }

    public void DecryptCbc(byte[] key, byte[] iv, byte[] buffer, int offset, int count)
    {
        LastBuffer = buffer;
        inner.DecryptCbc(key, iv, buffer, offset, count);
    }

    public void EncryptBlock(byte[] key, byte[] buffer, int offset)
    {
        LastBuffer = buffer;
        inner.EncryptBlock(key, buffer, offset);
    }

    public void DecryptBlock(byte[] key, byte[] buffer, int offset)
    {
        LastBuffer = buffer;
        inner.DecryptBlock(key, buffer, offset);
    }
}
