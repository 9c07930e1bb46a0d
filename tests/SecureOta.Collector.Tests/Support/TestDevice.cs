using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Host;

namespace SecureOta.Collector.Tests.Support;

/// <summary>
/// A simulated device: its own X25519 key, its id, the report MAC key derived on the device's side
/// with the device core's X25519 and HKDF (contract section 1), and its report counter.
/// </summary>
public sealed class TestDevice
{
    public TestDevice(string name, byte[] collectorPublicKey)
    {
        Name = name;
        var privateKey = RandomNumberGenerator.GetBytes(32);
        PublicKey = new byte[32];
        X25519.ScalarMultBase(PublicKey, privateKey);
        Id = Convert.ToHexStringLower(SHA256.HashData(PublicKey));
        MacKey = DeviceSideMacKey(privateKey, PublicKey, collectorPublicKey);
    }

    public string Name { get; }

    public byte[] PublicKey { get; }

    public string Id { get; }

    public byte[] MacKey { get; }

    /// <summary>The last counter used; <see cref="NextCounter"/> moves it on as the device does before sending.</summary>
    public long Counter { get; set; }

    public long NextCounter() => ++Counter;

    /// <summary>The device's derivation: Z = X25519(device private, collector public), HKDF-SHA256 with salt collectorPublic || devicePublic.</summary>
    public static byte[] DeviceSideMacKey(byte[] devicePrivateKey, byte[] devicePublicKey, byte[] collectorPublicKey)
    {
        var z = new byte[32];
        X25519.ScalarMult(z, devicePrivateKey, collectorPublicKey);
        return Hkdf.DeriveKey(new DotNetHmacSha256(), z, [.. collectorPublicKey, .. devicePublicKey],
            Encoding.ASCII.GetBytes("SecureOta/v2/report-mac"), 32);
    }

    /// <summary>A well-formed report body (members in the contract's order); <paramref name="counter"/> defaults to the next counter.</summary>
    public byte[] Report(string kind = "heartbeat", string channel = "stable", string version = "1.2.0", string running = "1.2.0",
        long? counter = null, string? check = null, string? reason = null, string? artifact = null, string? device = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("spec", 1);
            json.WriteString("device", device ?? Id);
            json.WriteNumber("counter", counter ?? NextCounter());
            json.WriteString("kind", kind);
            json.WriteString("channel", channel);
            json.WriteString("version", version);
            json.WriteString("running", running);
            if (artifact is not null) json.WriteString("artifact", artifact);
            if (check is not null) json.WriteString("check", check);
            if (reason is not null) json.WriteString("reason", reason);
            json.WriteNumber("uptime", 42);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>X-SecureOta-Mac for <paramref name="body"/>.</summary>
    public string Mac(byte[] body) => Convert.ToHexStringLower(HMACSHA256.HashData(MacKey, body));
}
