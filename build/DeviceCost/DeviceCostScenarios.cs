using System.Runtime.CompilerServices;
using System.Text.Json;
using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Core.Delta;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Core.KeyTables;
using SecureOta.Device.Core.Trust;
using SecureOta.Build.Delta;

namespace SecureOta.Build.DeviceCost;

/// <summary>
/// The crypto, record and delta steps, driven through the device core's public API. This code runs
/// inside <see cref="InstrumentedCoreLoadContext"/>, where the core it calls is the instrumented copy;
/// it is reached by reflection and exchanges only framework types (the inputs by name, the results as
/// JSON), because the build's own types are different types in that context.
/// </summary>
public static class DeviceCostScenarios
{
    /// <summary>Runs every step on the prepared <paramref name="inputs"/> and returns the steps as JSON.</summary>
    public static string Run(Dictionary<string, byte[]> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var counters = new ExecutionCounters(typeof(Ed25519).Assembly);
        var steps = new List<DeviceCostStep>
        {
            Boot(counters),
        };
        steps.AddRange(Ed25519Verifies(counters, inputs));
        steps.AddRange(new[]
        {
            X25519ScalarMult(counters, inputs),
            RecordReader(counters, inputs),
            KeyUnwrap(counters, inputs),
            FullUpdate(counters, inputs),
            DeltaUpdate(counters, inputs),
            DeltaPatchOnly(counters, inputs),
        });
        for (int i = 0; inputs.ContainsKey($"{DeviceCostInputs.ExtraPairPrefix}{i}.name"); i++) steps.Add(ExtraPatchOnly(counters, inputs, $"{DeviceCostInputs.ExtraPairPrefix}{i}"));
        steps.AddRange(DeviceCostPollScenarios.Run(counters, inputs));
        steps.AddRange(DeviceCostReportScenarios.Run(counters, inputs));
        return JsonSerializer.Serialize(steps);
    }

    // Every static constructor of the core, as the device runs them when the application starts. The
    // base-point table and the curve constants used to be computed here; they are constant data now.
    private static DeviceCostStep Boot(ExecutionCounters counters)
    {
        var cost = counters.Measure(() =>
        {
            foreach (var type in typeof(Ed25519).Assembly.GetTypes())
            {
                if (type.TypeInitializer is not null) RuntimeHelpers.RunClassConstructor(type.TypeHandle);
            }
        });
        return Step("boot: static tables (base-point table, curve constants)", cost, null,
            "every static constructor of the core, once per boot");
    }

    // The three costs of a signature under a key kept in a PreparedKeyStore on (in-memory) flash: the first ever
    // (table computed and written), under a key prepared in RAM, and the first after a boot (table from flash).
    private static IEnumerable<DeviceCostStep> Ed25519Verifies(ExecutionCounters counters, Dictionary<string, byte[]> inputs)
    {
        var flash = new MemoryFileStore();
        var hmac = new HostHmacSha256();
        var deviceKey = new RecipientKey(inputs[DeviceCostInputs.UnwrapRecipientPrivateKey]);
        var store = PreparedKeyStore.ForDevice(flash, hmac, deviceKey);
        Ed25519.ForgetPreparedKeys();
        yield return Ed25519Verify(counters, inputs, store, PreparedKeySource.Computed,
            "Ed25519 verify, first signature under a key never prepared on this device (once per key)",
            "key checked and decoded, its split table computed (192 doublings) and written to flash (5,185 bytes, HMAC native)");
        yield return Ed25519Verify(counters, inputs, store, PreparedKeySource.Computed, "Ed25519 verify, key prepared in RAM",
            "the same key again, as with every manifest under one release key until a reboot: its checks and table are kept");
        // A boot: the verifier's RAM slots are empty and the client made a new store (which builds the file name once).
        Ed25519.ForgetPreparedKeys();
        store = PreparedKeyStore.ForDevice(flash, hmac, deviceKey);
        yield return Ed25519Verify(counters, inputs, store, PreparedKeySource.Flash,
            "Ed25519 verify, first signature after a boot (prepared table from flash)",
            "the key's table read from flash (5,185 bytes), its tag chain checked (5 native HMACs), its bytes turned back into limbs; the one allocation is the file's name");

        // The same key as the release key of a root that carries its split points, on a device that never prepared it.
        flash = new MemoryFileStore();
        store = PreparedKeyStore.ForDevice(flash, hmac, deviceKey);
        DeviceCostScenarios.Require(RootVerifier.TryLoadTrusted(inputs[DeviceCostInputs.Ed25519SplitRoot], out TrustedRoot root, out var failure),
            "the split-point root did not load: " + failure);
        Ed25519.ForgetPreparedKeys();
        int written = 0;
        var tables = counters.Measure(() => written = store.WriteTablesFromPoints(root));
        Require(written == 2, $"{written} tables were written from the root's split points, not 2 (release and approval key)");
        yield return Step("root accepted: prepared tables from its split points, per release or approval key", Divide(tables, written), null,
            "PreparedKeyStore.WriteTablesFromPoints after the root's signatures verified, averaged over its 2 keys: each key checked and " +
            "decoded, its points read (hex, range, curve equation), the odd multiples of 4 rows added (no doubling), written to flash");
        yield return Ed25519Verify(counters, inputs, store, PreparedKeySource.None,
            "Ed25519 verify, first signature under a key whose table came from a root's split points",
            "the release key of that root: its table was built from the points when the root was accepted and is kept in RAM (as after " +
            "the root walk of a poll or the first boot after provisioning); after a reboot it loads from flash as in the row above");
    }

    private static DeviceCostStep Ed25519Verify(ExecutionCounters counters, Dictionary<string, byte[]> inputs, PreparedKeyStore store,
        PreparedKeySource expected, string name, string note)
    {
        byte[] key = inputs[DeviceCostInputs.Ed25519PublicKey], signature = inputs[DeviceCostInputs.Ed25519Signature];
        byte[] message = inputs[DeviceCostInputs.Ed25519Message];
        bool valid = false;
        var cost = counters.Measure(() => valid = Ed25519.Verify(key, signature, message, 0, message.Length, store));
        Require(valid, "Ed25519.Verify refused a valid signature");
        Require(store.LastSource == expected, $"the key's table came from {store.LastSource}, not {expected}");
        return Step(name, cost, null, $"{message.Length}-byte message, valid signature, {note}");
    }

    private static DeviceCostStep X25519ScalarMult(ExecutionCounters counters, Dictionary<string, byte[]> inputs)
    {
        byte[] output = new byte[X25519.Size];
        var cost = counters.Measure(() => X25519.ScalarMult(output, inputs[DeviceCostInputs.X25519Scalar], inputs[DeviceCostInputs.X25519Point]));
        Require(!ConstantTime.IsZero(output, 0, output.Length), "X25519 gave zero");
        return Step("X25519 (one scalar multiplication)", cost, null, "X25519.ScalarMult of a random scalar and point");
    }

    private static DeviceCostStep RecordReader(ExecutionCounters counters, Dictionary<string, byte[]> inputs)
    {
        using var aes = new HostAes128();
        var reader = new RecordChainReader(new HostHmacSha256(), aes);
        var artifact = ArtifactInput.Read(inputs, DeviceCostInputs.RecordArtifact);
        reader.Start(artifact.PlainSize, artifact.ImageDigest, artifact.ContentKey, RecordChainPosition.AtStart(artifact.Head, artifact.Iv));
        int records = reader.RecordCount;
        var cost = counters.Measure(() => ReadRecords(reader, artifact.Bytes));
        Require(reader.TryFinish(out _), "the record reader refused the artifact");
        return Step("record-chain reader, per 4 KiB record", Divide(cost, records), null,
            $"TryProcessRecord averaged over {records} records (HMAC and AES native)");
    }

    private static DeviceCostStep KeyUnwrap(ExecutionCounters counters, Dictionary<string, byte[]> inputs)
    {
        var recipient = new RecipientKey(inputs[DeviceCostInputs.UnwrapRecipientPrivateKey]);
        using var aes = new HostAes128();
        var unwrapper = new KeyUnwrapper(new HostHmacSha256(), aes);
        bool unwrapped = false;
        var cost = counters.Measure(() =>
            unwrapped = unwrapper.TryUnwrap(inputs[DeviceCostInputs.UnwrapFile], recipient, inputs[DeviceCostInputs.UnwrapKeyCheck], out _, out _));
        Require(unwrapped, "KeyUnwrapper refused the wrapped key");
        return Step("key unwrap (X25519, HKDF, AES key wrap)", cost, null, "KeyUnwrapper.TryUnwrap of a 57-byte wrapped key");
    }

    private static DeviceCostStep FullUpdate(ExecutionCounters counters, Dictionary<string, byte[]> inputs)
    {
        using var aes = new HostAes128();
        var reader = new RecordChainReader(new HostHmacSha256(), aes);
        var artifact = ArtifactInput.Read(inputs, DeviceCostInputs.FullArtifact);
        bool finished = false;
        var cost = counters.Measure(() =>
        {
            reader.Start(artifact.PlainSize, artifact.ImageDigest, artifact.ContentKey, RecordChainPosition.AtStart(artifact.Head, artifact.Iv));
            ReadRecords(reader, artifact.Bytes);
            finished = reader.TryFinish(out _);
        });
        Require(finished, "the full image did not verify");
        return Step("full update: verify and decrypt the image", cost, artifact.PlainSize,
            $"{Describe(inputs)} new image, {reader.RecordCount} records, image digest checked");
    }

    private static DeviceCostStep DeltaUpdate(ExecutionCounters counters, Dictionary<string, byte[]> inputs)
    {
        using var aes = new HostAes128();
        var hmac = new HostHmacSha256();
        var reader = new RecordChainReader(hmac, aes);
        var artifact = ArtifactInput.Read(inputs, DeviceCostInputs.PatchArtifact);
        var patcher = new DeltaPatcher();
        var target = new DigestingTargetImage(hmac);
        var baseImage = new MemoryBaseImage(inputs[DeviceCostInputs.OldImage]);
        bool applied = false;
        var cost = counters.Measure(() =>
        {
            reader.StartWithoutImageDigest(artifact.PlainSize, artifact.ContentKey, RecordChainPosition.AtStart(artifact.Head, artifact.Iv));
            applied = patcher.TryApply(new RecordReaderPatchSource(reader, artifact.Bytes), baseImage, target, out _) && reader.TryFinish(out _);
            target.Finish();
        });
        Require(applied, "the delta patch did not apply");
        Require(target.Digest.AsSpan().SequenceEqual(inputs[DeviceCostInputs.NewImageDigest]), "the patched image does not have the new image's digest");
        return Step("delta update: verify, decrypt and apply the patch", cost, target.Length,
            $"{Describe(inputs)}: {artifact.PlainSize:N0}-byte patch, output image digest folded (flash reads and writes native)");
    }

    private static DeviceCostStep DeltaPatchOnly(ExecutionCounters counters, Dictionary<string, byte[]> inputs)
    {
        var patcher = new DeltaPatcher();
        var target = new MemoryTargetImage();
        bool applied = false;
        var patch = inputs[DeviceCostInputs.Patch];
        var cost = counters.Measure(() =>
            applied = patcher.TryApply(new MemoryPatchSource(patch), new MemoryBaseImage(inputs[DeviceCostInputs.OldImage]), target, out _));
        Require(applied, "the delta patch did not apply");
        return Step("delta patch apply alone (DeltaPatcher)", cost, target.ToArray().Length, $"{Describe(inputs)}, plain patch from memory");
    }

    private static DeviceCostStep ExtraPatchOnly(ExecutionCounters counters, Dictionary<string, byte[]> inputs, string prefix)
    {
        var patcher = new DeltaPatcher();
        var target = new MemoryTargetImage();
        bool applied = false;
        var patch = inputs[prefix + ".patch"];
        var name = System.Text.Encoding.UTF8.GetString(inputs[prefix + ".name"]);
        var cost = counters.Measure(() =>
            applied = patcher.TryApply(new MemoryPatchSource(patch), new MemoryBaseImage(inputs[prefix + ".old"]), target, out _));
        Require(applied, "the delta patch of " + name + " did not apply");
        Require(target.ToArray().AsSpan().SequenceEqual(inputs[prefix + ".new"]), "the patched image of " + name + " differs from its new image");
        return Step("delta patch apply alone: " + name.Split(' ')[0], cost, target.ToArray().Length, $"{name}, {patch.Length:N0}-byte plain patch from memory");
    }

    private static void ReadRecords(RecordChainReader reader, byte[] artifact)
    {
        long offset = 0;
        while (!reader.IsComplete)
        {
            int length = reader.RecordLength;
            Array.Copy(artifact, offset, reader.Buffer, 0, length);
            offset += length;
            Require(reader.TryProcessRecord(length, out _), $"record {reader.RecordIndex} was refused");
        }
    }

    private static string Describe(Dictionary<string, byte[]> inputs) => System.Text.Encoding.UTF8.GetString(inputs[DeviceCostInputs.PairName]);

    internal static DeviceCostStep Step(string name, ExecutionCost cost, long? outputBytes, string note) =>
        new(name, cost.Instructions, cost.Calls, cost.Allocations, outputBytes, note) { Methods = cost.Methods };

    private static ExecutionCost Divide(ExecutionCost cost, int count) =>
        new(cost.Instructions / count, cost.Calls / count, cost.Allocations / count)
        {
            Methods = cost.Methods?.Select(m => m with { Instructions = m.Instructions / count }).ToList(),
        };

    internal static void Require(bool condition, string problem)
    {
        if (!condition) throw new InvalidOperationException("DeviceCost scenario failed: " + problem);
    }
}
