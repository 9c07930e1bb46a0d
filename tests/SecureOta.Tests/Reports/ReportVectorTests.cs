using System.Security.Cryptography;
using System.Text;
using SecureOta.Build.Crypto;
using SecureOta.Build.Vectors;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Core.Reports;
using SecureOta.Device.Host;

namespace SecureOta.Tests.Reports;

/// <summary>
/// Vectors 12.14 and 12.15 of docs/PROTOCOL.md follow section 11d's definitions when recomputed
/// independently (libsodium's X25519, .NET's HKDF and HMAC), and the device core reproduces them.
/// </summary>
public sealed class ReportVectorTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<string, string>>>> Documented = new(() =>
        ProtocolVectorDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.FullPath, "docs", "PROTOCOL.md"))));

    private static Dictionary<string, string> Vector(string name) => Documented.Value[name].ToDictionary(l => l.Key, l => l.Value);

    [Fact]
    public void Mac_key_vector_follows_x25519_and_hkdf_with_both_public_keys_as_salt()
    {
        var v = Vector("report-mac-key");
        using var device = X25519KeyPair.FromPrivateKey(Convert.FromHexString(v["device private (test only)"]));
        using var collector = X25519KeyPair.FromPrivateKey(Convert.FromHexString(v["collector private (test only)"]));

        var z = collector.SharedSecret(device.PublicKey);
        var macKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, z, 32, [.. collector.PublicKey, .. device.PublicKey], Encoding.ASCII.GetBytes(v["info (text)"]));

        Assert.Equal(Convert.ToHexStringLower(device.PublicKey), v["device public"]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(device.PublicKey)), v["device id"]);
        Assert.Equal(Convert.ToHexStringLower(collector.PublicKey), v["collector public"]);
        Assert.Equal(Convert.ToHexStringLower(z), v["Z"]);
        Assert.Equal("SecureOta/v2/report-mac", v["info (text)"]);
        Assert.Equal(Convert.ToHexStringLower(macKey), v["macKey"]);
    }

    [Fact]
    public void Device_core_derives_the_documented_mac_key()
    {
        var v = Vector("report-mac-key");
        var device = new RecipientKey(Convert.FromHexString(v["device private (test only)"]));

        Assert.True(ReportMacKey.TryDerive(new DotNetHmacSha256(), device, Convert.FromHexString(v["collector public"]), out var macKey));
        Assert.Equal(v["macKey"], Convert.ToHexStringLower(macKey));
    }

    [Fact]
    public void Report_body_vector_mac_is_hmac_of_the_exact_body_bytes()
    {
        var v = Vector("report-body");
        var body = Encoding.UTF8.GetBytes(v["body (text)"]);

        Assert.Equal(v["X-SecureOta-Mac (text)"], Convert.ToHexStringLower(HMACSHA256.HashData(Convert.FromHexString(v["macKey"]), body)));
        Assert.Equal(Vector("report-mac-key")["macKey"], v["macKey"]);
        using var json = System.Text.Json.JsonDocument.Parse(body);
        Assert.Equal(v["X-SecureOta-Device (text)"], json.RootElement.GetProperty("device").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("spec").GetInt32());
        Assert.True(body.Length <= ReportBodyWriter.MaxBodySize);
    }

    [Fact]
    public void Low_order_collector_key_derives_no_mac_key()
    {
        var device = new RecipientKey(Enumerable.Range(0x40, 32).Select(i => (byte)i).ToArray());

        // u = 0 and u = 1 are points of small order: X25519 with them is all zero for every private key.
        Assert.False(ReportMacKey.TryDerive(new DotNetHmacSha256(), device, new byte[32], out var zero));
        Assert.False(ReportMacKey.TryDerive(new DotNetHmacSha256(), device, [1, .. new byte[31]], out var one));
        Assert.Null(zero);
        Assert.Null(one);
    }
}
