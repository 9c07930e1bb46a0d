using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Update;
using SecureOta.Device.Host;

namespace SecureOta.Tests.DeviceClient.Support;

/// <summary>
/// A simulated device: flash (in memory unless given), file-backed slots, host AES and HMAC, the
/// site's transport, a settable clock. Every <see cref="Boot"/>, <see cref="Confirm"/> and
/// <see cref="NewClient"/> builds new core objects over the same flash, as a real reboot would.
/// </summary>
public sealed class TestDevice : IDisposable
{
    public const long SlotCapacity = 4 * 1024 * 1024;

    private readonly DotNetAes128 _aes = new();

    public TestDevice(TestSite site, IFileStore? files = null)
    {
        Site = site;
        Flash = files as MemoryFileStore ?? new MemoryFileStore();
        Files = files ?? Flash;
        Transport = new SiteTransport(site.Files);
    }

    public TestSite Site { get; }

    /// <summary>The in-memory flash (when the device was not given another store).</summary>
    public MemoryFileStore Flash { get; }

    /// <summary>The store the core uses (the flash, or a wrapper such as a power-cut store).</summary>
    public IFileStore Files { get; set; }

    public SiteTransport Transport { get; }

    public TestClock Clock { get; } = new();

    public RecordingRebooter Rebooter { get; } = new();

    public DotNetHmacSha256 Hmac { get; } = new();

    public IAes128 Aes => _aes;

    public int MaxTrialBoots { get; set; } = 3;

    public int SaveEveryRecords { get; set; } = 2;

    public int MaxResumes { get; set; } = UpdateClientOptions.DefaultMaxResumes;

    public ISlotStore Slots => new FileSlotStore(Files, SlotCapacity);

    public void Provision(byte[] imageA, long securityVersion = 1)
    {
        var provisioner = new DeviceProvisioner(Files, Hmac, Slots);
        Assert.Equal(ProvisionOutcome.Provisioned, provisioner.Provision(Site.RootV1, new MemoryStream(imageA), securityVersion, out string? problem));
        Assert.Null(problem);
    }

    public BootDecision Boot() => new BootManager(Files, Hmac, Slots, MaxTrialBoots).Boot();

    public ConfirmOutcome Confirm() => new BootManager(Files, Hmac, Slots, MaxTrialBoots).Confirm();

    public UpdateClient NewClient(UpdateProgressHandler? progress = null, ISlotStore? slots = null, IHttpTransport? transport = null,
        Action<UpdateClientOptions>? configure = null)
    {
        var options = new UpdateClientOptions(TestSite.Channel, [Site.Device])
        {
            SaveEveryRecords = SaveEveryRecords,
            MaxResumes = MaxResumes,
            Progress = progress,
        };
        configure?.Invoke(options);
        var platform = new DevicePlatform(transport ?? Transport, Files, slots ?? Slots, Hmac, Aes, Clock, Rebooter);
        return new UpdateClient(platform, options);
    }

    /// <summary>One poll by a freshly booted client.</summary>
    public UpdateReport Poll() => NewClient().Poll();

    /// <summary>The boot state as stored (loaded by a fresh store).</summary>
    public BootState State()
    {
        var state = new BootState();
        Assert.NotEqual(BootStateSource.None, new BootStateStore(Files, Hmac).Load(state));
        return state;
    }

    /// <summary>Every boot-state file's bytes (copies and factory), to prove that nothing at all was written.</summary>
    public byte[] StateBytes()
    {
        string[] names = [BootStateStore.Copy0Name, BootStateStore.Copy1Name, BootStateStore.FactoryName];
        return names.SelectMany(name => Flash.Exists(name) ? [.. System.Text.Encoding.ASCII.GetBytes(name), .. Flash.Read(name)] : Array.Empty<byte>())
            .ToArray();
    }

    public byte[] SlotBytes(SlotId slot)
    {
        if (Slots.Length(slot) == 0) return [];
        using Stream stream = Slots.OpenRead(slot);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public void Dispose() => _aes.Dispose();
}
