using System.Security.Cryptography;
using SecureOta.Build.Crypto;
using SecureOta.Build.Publishing;
using SecureOta.Device.Core.Reports;
using SecureOta.Device.Core.Update;
using SecureOta.Tests.Device.Support;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.Reports;

/// <summary>
/// A test site whose root names a collector (with a fresh X25519 key), a provisioned device on it, and a
/// <see cref="FakeCollector"/> as its report transport; the collector's MAC key for the device, computed
/// from the collector's side, checks every MAC.
/// </summary>
public sealed class ReportingDevice : IDisposable
{
    public const string CollectorUrl = "https://collector.test/";

    private readonly X25519KeyPair _collectorKey = X25519KeyPair.Generate();

    public ReportingDevice(bool withCollector = true)
    {
        Site = new TestSite(collector: withCollector ? CollectorOf(_collectorKey.PublicKey) : null);
        Device = new TestDevice(Site);
        Device.Provision(TestSite.Image(9000, 1));
    }

    public TestSite Site { get; }

    public TestDevice Device { get; }

    public FakeCollector Collector { get; } = new();

    /// <summary>The MAC key as the collector derives it: its private key with the device's public key.</summary>
    public byte[] CollectorMacKey()
    {
        var devicePublic = Site.Device.GetPublicKey();
        var z = _collectorKey.SharedSecret(devicePublic);
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, z, 32, [.. _collectorKey.PublicKey, .. devicePublic], "SecureOta/v2/report-mac"u8.ToArray());
    }

    public static RootCollector CollectorOf(byte[] key) => new(CollectorUrl, key, [TestDocuments.RootCaPem()]);

    /// <summary>A freshly booted update client that reports to <see cref="Collector"/>.</summary>
    public UpdateClient NewClient(Action<ReportOptions>? configure = null) => Device.NewClient(configure: options =>
    {
        var reports = new ReportOptions(Collector);
        configure?.Invoke(reports);
        options.Reports = reports;
    });

    public UpdateReport Poll() => NewClient().Poll();

    /// <summary>The report state as stored.</summary>
    public ReportQueueState Stored()
    {
        var state = new ReportQueueState();
        new ReportQueueStore(Device.Files, Device.Hmac).Load(state);
        return state;
    }

    public void Dispose()
    {
        Device.Dispose();
        Site.Dispose();
        _collectorKey.Dispose();
    }
}
