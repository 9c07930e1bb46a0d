using System.Text;
using SecureOta.Build.Crypto;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Core.Reports;
using SecureOta.Device.Host;

namespace SecureOta.Build.Vectors;

/// <summary>
/// The device report vectors of docs/PROTOCOL.md section 12 (section 11d): the MAC key one device shares
/// with a collector, and one report body with its MAC and headers. The device is the recipient of the
/// wrapped-key vector (private key 40..5f); the collector's private key a0..bf is a public test constant.
/// </summary>
public static class ReportVectors
{
    /// <summary>The collector's X25519 private key of the vectors: bytes a0..bf.</summary>
    public static byte[] CollectorPrivateKey
    {
        get
        {
            var bytes = new byte[32];
            for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)(0xa0 + i);
            return bytes;
        }
    }

    public const long Counter = 1;
    public const string RunningVersion = "0.9.0";
    public const long UptimeSeconds = 3600;
    public const string Reason = "delta from 0.9.0";

    public static IReadOnlyList<ProtocolVector> Generate()
    {
        var hmac = new DotNetHmacSha256();
        using var collector = X25519KeyPair.FromPrivateKey(CollectorPrivateKey);
        var device = new RecipientKey(ProtocolVectorGenerator.RecipientPrivateKey);
        using var devicePair = X25519KeyPair.FromPrivateKey(ProtocolVectorGenerator.RecipientPrivateKey);
        if (!ReportMacKey.TryDerive(hmac, device, collector.PublicKey, out var macKey))
            throw new InvalidOperationException("the vectors' collector key shares no secret with the device key");

        var entry = new ReportEntry(ReportKind.TrialScheduled, ProtocolVectorGenerator.Version, RunningVersion, ReportArtifacts.Delta, null, Reason, UptimeSeconds);
        var writer = new ReportBodyWriter();
        int length = writer.Write(entry, device.Id, Counter, ProtocolVectorGenerator.Channel);
        var body = writer.Buffer.AsSpan(0, length).ToArray();
        var mac = new byte[32];
        hmac.Compute(macKey, body, 0, body.Length, mac, 0);

        return
        [
            new("report-mac-key", "Report MAC key of a device and a collector (section 11d.1)", ProtocolVectorGenerator.Lines(
                ("device private (test only)", Hex(ProtocolVectorGenerator.RecipientPrivateKey)),
                ("device public", Hex(device.GetPublicKey())),
                ("device id", device.Id),
                ("collector private (test only)", Hex(CollectorPrivateKey)),
                ("collector public", Hex(collector.PublicKey)),
                ("Z", Hex(devicePair.SharedSecret(collector.PublicKey))),
                ("info (text)", Encoding.ASCII.GetString(ReportMacKey.Info)),
                ("macKey", Hex(macKey)))),
            new("report-body", "Report body and MAC of a trial-scheduled report under that key (section 11d.2)", ProtocolVectorGenerator.Lines(
                ("macKey", Hex(macKey)),
                ("body (text)", Encoding.ASCII.GetString(body)),
                ("X-SecureOta-Device (text)", device.Id),
                ("X-SecureOta-Mac (text)", Hex(mac)))),
        ];
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => ProtocolVectorGenerator.Hex(bytes);
}
