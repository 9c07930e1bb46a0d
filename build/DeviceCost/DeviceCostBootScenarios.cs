using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Build.DeviceCost;

/// <summary>
/// What a boot costs before the first poll can start (issue 9's target: at most 100,000 IL instructions
/// besides the core's static constructors, which the "boot: static tables" step counts): the boot
/// decision and the trusted root, from its cached form (every boot after the first poll) and by full
/// verification of its envelope (the first poll after provisioning or a firmware update that had no form).
/// Runs inside <see cref="InstrumentedCoreLoadContext"/> on a provisioned, confirmed device's flash.
/// </summary>
internal static class DeviceCostBootScenarios
{
    public static IEnumerable<DeviceCostStep> Run(ExecutionCounters counters, IFileStore files, IHmacSha256 hmac, RecipientKey deviceKey,
        Func<BootDecision> boot, long rootVersion)
    {
        ArgumentNullException.ThrowIfNull(counters);
        var steps = new List<DeviceCostStep>();
        files.Delete(TrustedRootStore.CacheFileName(rootVersion));
        steps.Add(Measure(counters, "boot: trusted root by full verification (no cached form)", () => Load(files, hmac, deviceKey, rootVersion, TrustedRootSource.Envelope),
            "root.<N>.json parsed and its own signatures checked, then root.<N>.cache written: once after provisioning or an update from firmware without the form"));
        steps.Add(Measure(counters, "boot: trusted root from its cached form", () => Load(files, hmac, deviceKey, rootVersion, TrustedRootSource.CachedForm),
            "cache key derived (HKDF, native HMAC), root.<N>.cache tag checked (native HMAC) and decoded: no JSON, no signature"));
        steps.Add(Measure(counters, "boot + trusted root before the first poll", () =>
            {
                DeviceCostScenarios.Require(boot().ShouldRun, "the boot found nothing to run");
                Load(files, hmac, deviceKey, rootVersion, TrustedRootSource.CachedForm);
            },
            "BootManager.Boot, then the trusted root from its cached form (static constructors not included: see the first step)"));
        return steps;
    }

    private static void Load(IFileStore files, IHmacSha256 hmac, RecipientKey deviceKey, long version, TrustedRootSource expected)
    {
        TrustedRootStore store = TrustedRootStore.ForDevice(files, hmac, deviceKey);
        DeviceCostScenarios.Require(store.TryLoad(version, out _, out string problem), "the trusted root did not load: " + problem);
        DeviceCostScenarios.Require(store.LastSource == expected, $"the trusted root came from {store.LastSource}, not {expected}");
    }

    private static DeviceCostStep Measure(ExecutionCounters counters, string name, Action action, string note) =>
        DeviceCostScenarios.Step(name, counters.Measure(action), null, note);
}
