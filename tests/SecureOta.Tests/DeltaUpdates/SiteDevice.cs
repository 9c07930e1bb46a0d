using SecureOta.Build.Keys;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Core.Update;
using SecureOta.Device.Host;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.DeltaUpdates;

/// <summary>
/// A device provisioned as the DEMO build's devices are (root v1, the DEMO device key) with a chosen
/// running image, polling a written site from memory (<see cref="SiteTransport"/>).
/// </summary>
internal sealed class SiteDevice : IDisposable
{
    private readonly DotNetAes128 _aes = new();
    private readonly DotNetHmacSha256 _hmac = new();
    private readonly MemoryFileStore _flash = new();
    private readonly FileSlotStore _slots;
    private readonly string _channel;
    private readonly RecipientKey _key;
    private readonly TestClock _clock = new() { UtcNowSeconds = DeltaSiteFixture.NowSeconds + 60 };

    public SiteDevice(string siteDir, string demoKeysDir, string channel, byte[] runningImage, long securityVersion = 1)
    {
        _channel = channel;
        _key = new RecipientKey(KeyFile.Read(Path.Combine(demoKeysDir, DemoKeyStore.DeviceKeyFile), "DEMO device key"));
        Transport = new SiteTransport(DeltaSiteFixture.OtaFiles(siteDir));
        _slots = new FileSlotStore(_flash, TestDevice.SlotCapacity);
        Assert.Equal(ProvisionOutcome.Provisioned, new DeviceProvisioner(_flash, _hmac, _slots)
            .Provision(new DemoKeyStore(demoKeysDir).ReadRootEnvelope(), new MemoryStream(runningImage), securityVersion, out string? problem));
        Assert.Null(problem);
    }

    public SiteTransport Transport { get; }

    public UpdateReport Poll()
    {
        var platform = new DevicePlatform(Transport, _flash, _slots, _hmac, _aes, _clock, new RecordingRebooter());
        return new UpdateClient(platform, new UpdateClientOptions(_channel, [_key])).Poll();
    }

    public BootDecision Boot() => new BootManager(_flash, _hmac, _slots, 3).Boot();

    public byte[] SlotBytes(SlotId slot)
    {
        using Stream stream = _slots.OpenRead(slot);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public bool Fetched(string path) => Transport.Requests.Any(r => r.Path == path && r.Status == 200);

    public void Dispose() => _aes.Dispose();
}
