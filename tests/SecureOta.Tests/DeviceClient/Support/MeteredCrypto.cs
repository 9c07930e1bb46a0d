using SecureOta.Device.Core.Platform;

namespace SecureOta.Tests.DeviceClient.Support;

/// <summary>AES and HMAC seams whose allocations go to an <see cref="AllocationMeter"/>.</summary>
public sealed class MeteredCrypto(IAes128 aes, IHmacSha256 hmac, AllocationMeter meter) : IAes128, IHmacSha256
{
    public void DecryptCbc(byte[] key, byte[] iv, byte[] buffer, int offset, int count)
    {
        long before = AllocationMeter.ThreadTotal;
        aes.DecryptCbc(key, iv, buffer, offset, count);
        meter.Add(AllocationMeter.ThreadTotal - before);
    }

    public void EncryptBlock(byte[] key, byte[] buffer, int offset)
    {
        long before = AllocationMeter.ThreadTotal;
        aes.EncryptBlock(key, buffer, offset);
        meter.Add(AllocationMeter.ThreadTotal - before);
    }

    public void DecryptBlock(byte[] key, byte[] buffer, int offset)
    {
        long before = AllocationMeter.ThreadTotal;
        aes.DecryptBlock(key, buffer, offset);
        meter.Add(AllocationMeter.ThreadTotal - before);
    }

    public void Compute(byte[] key, byte[] data, int offset, int count, byte[] output, int outputOffset)
    {
        long before = AllocationMeter.ThreadTotal;
        hmac.Compute(key, data, offset, count, output, outputOffset);
        meter.Add(AllocationMeter.ThreadTotal - before);
    }
}
