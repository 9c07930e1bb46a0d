using SecureOta.Device.Core.Json;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Core.Reports;

namespace SecureOta.Build.DeviceCost;

/// <summary>
/// The device report steps (docs/PROTOCOL.md section 11d) on the instrumented core: the MAC key derived
/// once per collector key, and the work one report costs when it is queued and sent (the state's load and
/// two writes, the body, the native HMAC) with the transport left out. Runs like <see cref="DeviceCostScenarios"/>.
/// </summary>
public static class DeviceCostReportScenarios
{
    public static IEnumerable<DeviceCostStep> Run(ExecutionCounters counters, Dictionary<string, byte[]> inputs)
    {
        ArgumentNullException.ThrowIfNull(counters);
        ArgumentNullException.ThrowIfNull(inputs);
        var hmac = new HostHmacSha256();
        var device = new RecipientKey(inputs[DeviceCostInputs.X25519Scalar]);
        byte[] collectorKey = inputs[DeviceCostInputs.X25519Point];
        byte[]? macKey = null;
        var derive = counters.Measure(() => ReportMacKey.TryDerive(hmac, device, collectorKey, out macKey));
        DeviceCostScenarios.Require(macKey is not null, "the report MAC key was not derived");
        yield return DeviceCostScenarios.Step("report MAC key (X25519, HKDF)", derive, null,
            "ReportMacKey.TryDerive: once per collector key, then kept with the report state");

        var files = new MemoryFileStore();
        var store = new ReportQueueStore(files, hmac);
        var state = new ReportQueueState();
        state.SetKeys(collectorKey, macKey!);
        store.Save(state);
        var writer = new ReportBodyWriter();
        var mac = new byte[32];
        string? macText = null;
        var report = counters.Measure(() =>
        {
            store.Load(state);
            state.Add(new ReportEntry(ReportKind.TrialScheduled, "1.2.3", "1.2.2", ReportArtifacts.Delta, null, null, 3600));
            store.Save(state);
            state.Counter = state.Counter + 1;
            store.Save(state);
            int length = writer.Write(state.Get(0), device.Id, state.Counter, "stable");
            hmac.Compute(state.MacKey, writer.Buffer, 0, length, mac, 0);
            macText = Hex.Encode(mac);
            state.RemoveFirst();
            store.Save(state);
        });
        DeviceCostScenarios.Require(macText is { Length: 64 }, "the report was not MACed");
        yield return DeviceCostScenarios.Step("report: queue and send one (transport excluded)", report, writer.Length,
            "load the report state, queue a trial-scheduled report, write the counter, body, HMAC, drop it: three 4670-byte state writes");
    }
}
