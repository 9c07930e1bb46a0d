using System.Security.Cryptography;
using System.Text;

namespace SecureOta.Collector.Bench;

/// <summary>A simulated device: its id, the MAC key it shares with the collector, and its counter.</summary>
public sealed class BenchDevice(string name, byte[] publicKey, byte[] macKey)
{
    private static readonly string[] Kinds = ["heartbeat", "trial-scheduled", "confirmed", "heartbeat", "reverted", "download-failed"];

    public string Name { get; } = name;

    public byte[] PublicKey { get; } = publicKey;

    public string Id { get; } = Convert.ToHexStringLower(SHA256.HashData(publicKey));

    public long Counter { get; private set; }

    /// <summary>The next report (a realistic mix of kinds, about 250 bytes) and its MAC header.</summary>
    public (byte[] Body, string Mac) NextReport()
    {
        long counter = ++Counter;
        string kind = Kinds[counter % Kinds.Length];
        string extra = kind switch
        {
            "trial-scheduled" => ",\"artifact\":\"delta\"",
            "reverted" => ",\"reason\":\"trial not confirmed\"",
            "download-failed" => ",\"reason\":\"connection reset\"",
            _ => "",
        };
        var body = Encoding.UTF8.GetBytes(
            $"{{\"spec\":1,\"device\":\"{Id}\",\"counter\":{counter},\"kind\":\"{kind}\",\"channel\":\"stable\"," +
            $"\"version\":\"1.3.0\",\"running\":\"1.2.0\"{extra},\"uptime\":{counter * 60}}}");
        return (body, Convert.ToHexStringLower(HMACSHA256.HashData(macKey, body)));
    }
}
