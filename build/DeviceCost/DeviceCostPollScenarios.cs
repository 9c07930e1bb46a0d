using SecureOta.Build.Publishing;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Core.Update;

namespace SecureOta.Build.DeviceCost;

/// <summary>
/// The poll-level steps, driven through the core's BootManager and UpdateClient on in-memory flash
/// and sites (<see cref="DeviceCostPollSite"/>): boot, a whole delta update, the trial boot, the first
/// poll after the update (manifest fetched and verified, nothing to do), a no-change poll (304), a root
/// rotation, and a whole full-image update on a second device. Kept apart from the stable crypto, record
/// and delta steps because the trust and poll API is being reworked for protocol v2: adapt this file
/// (and the site's) alone when it lands. Runs inside <see cref="InstrumentedCoreLoadContext"/>.
/// </summary>
internal static class DeviceCostPollScenarios
{
    private const long SlotCapacity = 4 * 1024 * 1024;

    public static IEnumerable<DeviceCostStep> Run(ExecutionCounters counters, Dictionary<string, byte[]> inputs)
    {
        ArgumentNullException.ThrowIfNull(counters);
        ArgumentNullException.ThrowIfNull(inputs);
        var steps = new List<DeviceCostStep>();
        string pair = System.Text.Encoding.UTF8.GetString(inputs[DeviceCostInputs.PairName]);
        long newLength = inputs[DeviceCostInputs.NewImage].Length;

        var device = new PollDevice(inputs, Site(inputs, DeviceCostPollSite.DeltaSite));
        BootDecision boot = null!;
        steps.Add(Measure(counters, "poll steps: boot (provisioned device, nothing pending)", () => boot = device.Boot(), null,
            "BootManager.Boot of a device provisioned with the old image"));
        DeviceCostScenarios.Require(boot is not null, "boot gave no decision");

        UpdateReport report = null!;
        steps.Add(Measure(counters, "poll: whole delta update", () => report = device.Client.Poll(), newLength,
            $"UpdateClient.Poll: manifest, key unwrap, {pair} patch applied into the inactive slot, read back"));
        DeviceCostScenarios.Require(report.Result == UpdateResult.TrialScheduled && report.InstalledByDelta, "the delta poll gave " + report);

        steps.Add(Measure(counters, "poll steps: boot into the trial", () => device.Boot(), null, "BootManager.Boot after the update"));
        device.Confirm();
        steps.AddRange(DeviceCostBootScenarios.Run(counters, device.Files, device.Hmac, inputs[DeviceCostPollSite.RecipientPrivateKey],
            device.Boot, device.NewClient, 1));
        // A boot empties the verifier's RAM slots: the release key's table comes from flash (written by the update poll).
        SecureOta.Device.Core.Crypto.Ed25519.ForgetPreparedKeys();
        steps.Add(Measure(counters, "poll: manifest verify after a boot, up to date (200)", () => report = device.Client.Poll(), null,
            "first poll after the confirmed update and a boot: trusted root from its cached form, the manifest fetched and verified " +
            "with the release key's prepared table from flash, nothing to install"));
        DeviceCostScenarios.Require(report.Result == UpdateResult.UpToDate, "the up-to-date poll gave " + report);

        steps.Add(Measure(counters, "poll: no change (304)", () => report = device.Client.Poll(), null,
            "the same client again: If-None-Match answered 304"));
        DeviceCostScenarios.Require(report.Result == UpdateResult.UpToDate && report.Requests == 1, "the no-change poll gave " + report);

        device.Transport.Files.Clear();
        foreach (var file in Site(inputs, DeviceCostPollSite.RotatedSite)) device.Transport.Files[file.Key] = file.Value;
        steps.Add(Measure(counters, "poll: root rotation 1 -> 2, then the manifest", () => report = device.Client.Poll(), null,
            "root 2 verified under root 1 and itself, the manifest re-signed by the new release key"));
        DeviceCostScenarios.Require(report.Result == UpdateResult.UpToDate, "the root rotation poll gave " + report);

        device.Transport.Files.Clear();
        foreach (var file in Site(inputs, DeviceCostPollSite.PaddedSite)) device.Transport.Files[file.Key] = file.Value;
        long allocated = 0;
        var padded = counters.Measure(() =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            report = device.Client.Poll();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        });
        steps.Add(DeviceCostScenarios.Step("poll: rotation 2 -> 3, root and manifest padded by a mirror", padded, null,
            $"roots/3.json padded to {ProtocolLimits.MaxRootEnvelopeSize} bytes and the manifest to {ProtocolLimits.MaxChannelEnvelopeSize} with \"junk\":[{{}},...]; " +
            $"heap: {allocated:N0} bytes allocated on the host during the poll by the core and the in-memory site, flash and crypto seams " +
            $"(nothing freed subtracted), besides the client's {ProtocolLimits.MaxRootEnvelopeSize + 1:N0}-byte document buffer from an earlier poll; " +
            "the core's share alone is what PollHeapTests holds to the 48 KB bound"));
        DeviceCostScenarios.Require(report.Result == UpdateResult.UpToDate, "the padded poll gave " + report);

        var second = new PollDevice(inputs, Site(inputs, DeviceCostPollSite.FullSite));
        second.Boot();
        steps.Add(Measure(counters, "poll: whole full update", () => report = second.Client.Poll(), newLength,
            $"UpdateClient.Poll without a patch: {pair} new image downloaded, verified, decrypted, read back"));
        DeviceCostScenarios.Require(report.Result == UpdateResult.TrialScheduled && !report.InstalledByDelta, "the full poll gave " + report);
        return steps;
    }

    private static DeviceCostStep Measure(ExecutionCounters counters, string name, Action action, long? outputBytes, string note) =>
        DeviceCostScenarios.Step(name, counters.Measure(action), outputBytes, note);

    private static Dictionary<string, byte[]> Site(Dictionary<string, byte[]> inputs, string prefix) =>
        inputs.Where(i => i.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(i => i.Key[prefix.Length..], i => i.Value, StringComparer.Ordinal);

    /// <summary>A device on in-memory flash, provisioned with the old image, polling one site.</summary>
    private sealed class PollDevice
    {
        private readonly HostAes128 _aes = new();

        public PollDevice(Dictionary<string, byte[]> inputs, Dictionary<string, byte[]> site)
        {
            Transport = new MemorySiteTransport(site);
            Recipient = new RecipientKey(inputs[DeviceCostPollSite.RecipientPrivateKey]);
            var provisioner = new DeviceProvisioner(Files, Hmac, Slots);
            var outcome = provisioner.Provision(inputs[DeviceCostPollSite.RootV1], new MemoryStream(inputs[DeviceCostInputs.OldImage]), 1, out string problem);
            DeviceCostScenarios.Require(outcome == ProvisionOutcome.Provisioned, "provisioning failed: " + problem);
            NewClient();
        }

        public MemorySiteTransport Transport { get; }

        public MemoryFileStore Files { get; } = new();

        public HostHmacSha256 Hmac { get; } = new();

        public RecipientKey Recipient { get; }

        public UpdateClient Client { get; private set; } = null!;

        private FileSlotStore Slots => new(Files, SlotCapacity);

        public BootDecision Boot() => new BootManager(Files, Hmac, Slots, BootManager.DefaultMaxTrialBoots).Boot();

        public void Confirm() => new BootManager(Files, Hmac, Slots, BootManager.DefaultMaxTrialBoots).Confirm();

        public void NewClient()
        {
            var platform = new DevicePlatform(Transport, Files, Slots, Hmac, _aes, new FixedClock(DeviceCostPollSite.Now), new CountingRebooter());
            Client = new UpdateClient(platform, new UpdateClientOptions(DeviceCostPollSite.Channel, [Recipient]));
        }
    }
}
