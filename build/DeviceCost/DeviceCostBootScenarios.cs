using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Build.DeviceCost;

/// <summary>
/// What a boot costs before the first poll can start (issue 9's target: at most 100,000 IL instructions
/// besides the core's static constructors, which the "boot: static tables" step counts), in the loader's
/// order: the boot decision, the device key, the trusted root. The key and the root each come from their
/// stored derived forms (every boot after the first) and, in their own rows, without them (the first boot
/// after provisioning or after an update from firmware that had none). Runs inside
/// <see cref="InstrumentedCoreLoadContext"/> on a provisioned, confirmed device's flash.
/// </summary>
internal static class DeviceCostBootScenarios
{
    public static IEnumerable<DeviceCostStep> Run(ExecutionCounters counters, IFileStore files, IHmacSha256 hmac, byte[] devicePrivateKey,
        Func<BootDecision> boot, Action newClient, long rootVersion)
    {
        ArgumentNullException.ThrowIfNull(counters);
        var steps = new List<DeviceCostStep>();
        var keys = new DeviceKeyStore(files, hmac, new FixedEntropy(devicePrivateKey));
        RecipientKey deviceKey = LoadKey(keys, null);

        files.Delete(DeviceKeyStore.PublicFileName);
        steps.Add(Measure(counters, "boot: device key, public key derived (no device.pub)", () => LoadKey(keys, deviceKey),
            "device.key checked, its X25519 public key and SHA-256 id derived, device.pub written: once per device (and after an update from firmware without it)"));
        steps.Add(Measure(counters, "boot: device key with its stored public key", () => LoadKey(keys, deviceKey),
            "device.key checked, device.pub's tag checked (HKDF and HMAC native): no X25519"));

        files.Delete(TrustedRootStore.CacheFileName(rootVersion));
        steps.Add(Measure(counters, "boot: trusted root by full verification (no cached form)", () => LoadRoot(files, hmac, deviceKey, rootVersion, TrustedRootSource.Envelope),
            "root.<N>.json parsed and its own signatures checked, then root.<N>.cache written: once after provisioning or an update from firmware without the form"));
        steps.Add(Measure(counters, "boot: trusted root from its cached form", () => LoadRoot(files, hmac, deviceKey, rootVersion, TrustedRootSource.CachedForm),
            "cache key derived (HKDF, native HMAC), root.<N>.cache tag checked (native HMAC) and decoded: no JSON, no signature"));

        steps.Add(Measure(counters, "boot: UpdateClient created", newClient,
            "options checked, the record buffer and readers allocated once, the cached root's key derived (HKDF); the delta patcher waits for a delta"));
        steps.Add(Measure(counters, "boot + trusted root before the first poll", () =>
            {
                DeviceCostScenarios.Require(boot().ShouldRun, "the boot found nothing to run");
                RecipientKey key = LoadKey(keys, deviceKey);
                newClient();
                LoadRoot(files, hmac, key, rootVersion, TrustedRootSource.CachedForm);
            },
            "the loader's order: BootManager.Boot, the device key (stored public key), the UpdateClient, the trusted root (cached form, " +
            "as the first poll loads it; its key derived twice here). Static constructors are the first step's."));
        return steps;
    }

    private static RecipientKey LoadKey(DeviceKeyStore keys, RecipientKey? expected)
    {
        RecipientKey key = keys.LoadOrCreate(out DeviceKeyOutcome outcome);
        DeviceCostScenarios.Require(expected is null || (outcome == DeviceKeyOutcome.Loaded && key.Id == expected.Id), "the device key did not load as stored");
        return key;
    }

    private static void LoadRoot(IFileStore files, IHmacSha256 hmac, RecipientKey deviceKey, long version, TrustedRootSource expected)
    {
        TrustedRootStore store = TrustedRootStore.ForDevice(files, hmac, deviceKey);
        DeviceCostScenarios.Require(store.TryLoad(version, out _, out string problem), "the trusted root did not load: " + problem);
        DeviceCostScenarios.Require(store.LastSource == expected, $"the trusted root came from {store.LastSource}, not {expected}");
    }

    private static DeviceCostStep Measure(ExecutionCounters counters, string name, Action action, string note) =>
        DeviceCostScenarios.Step(name, counters.Measure(action), null, note);
}
