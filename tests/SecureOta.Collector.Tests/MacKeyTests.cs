using System.Security.Cryptography;
using SecureOta.Collector.Crypto;
using SecureOta.Collector.Tests.Support;

namespace SecureOta.Collector.Tests;

/// <summary>Contract section 1: the collector's MAC key (NSec) equals the one a device derives with the device core's X25519 and HKDF.</summary>
public sealed class MacKeyTests
{
    [Fact]
    public void Mac_key_matches_the_device_cores_derivation()
    {
        var collectorPrivate = RandomNumberGenerator.GetBytes(32);
        using var collector = CollectorKey.FromPrivateKey(collectorPrivate);
        for (int i = 0; i < 4; i++)
        {
            var device = new TestDevice($"d{i}", collector.PublicKey);
            Assert.Equal(device.MacKey, collector.DeriveMacKey(device.PublicKey));
        }
    }

    [Fact]
    public void Mac_key_derivation_is_pinned()
    {
        // Fixed keys, so a change to the derivation (salt order, info string, HKDF use) fails here.
        var collectorPrivate = Convert.FromHexString("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4");
        var devicePrivate = Convert.FromHexString("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d");
        using var collector = CollectorKey.FromPrivateKey(collectorPrivate);
        var devicePublic = new byte[32];
        SecureOta.Device.Core.Crypto.X25519.ScalarMultBase(devicePublic, devicePrivate);

        var fromDevice = TestDevice.DeviceSideMacKey(devicePrivate, devicePublic, collector.PublicKey);
        Assert.Equal(fromDevice, collector.DeriveMacKey(devicePublic));
        Assert.Equal(MacKeyVector, Convert.ToHexStringLower(fromDevice));
    }

    /// <summary>
    /// The MAC key for the two fixed private keys above (collector public 1c9fd88f...7019, device public
    /// ff63fe57...e00e, Z 739311d3...846e), computed outside .NET with Python's cryptography package
    /// (OpenSSL's X25519) and hmac, as a third implementation of contract section 1.
    /// </summary>
    private const string MacKeyVector = "7621c66b59b4b934023ecb568f781956f4d506b0707b5614ded1bad7ba5a82cd";

    [Fact]
    public void Refuses_a_low_order_device_key()
    {
        using var collector = CollectorKey.Generate();
        // u = 0 and u = 1 have low order: X25519 with them is all zeros whatever the private key.
        Assert.Null(collector.DeriveMacKey(new byte[32]));
        var one = new byte[32];
        one[0] = 1;
        Assert.Null(collector.DeriveMacKey(one));
    }
}
