using System.Security.Cryptography;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Tests.DeviceClient.Support;

/// <summary>The host CSPRNG as the device's entropy source; counts how often it was asked.</summary>
public sealed class TestEntropy : IEntropySource
{
    public int Calls { get; private set; }

    public void Fill(byte[] buffer, int offset, int count)
    {
        Calls++;
        RandomNumberGenerator.Fill(buffer.AsSpan(offset, count));
    }
}
