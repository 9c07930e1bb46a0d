using System.Text.Json;
using SecureOta.Build.Frosting;
using SecureOta.Tests.Build.Support;

namespace SecureOta.Tests.DeviceCost;

/// <summary>The DeviceCost target run as a user runs it, in the repository, with --json.</summary>
public sealed class DeviceCostTaskTests
{
    private static readonly string[] Steps =
    [
        "boot: static tables (base-point table, curve constants)",
        "Ed25519 verify, first signature under a key never prepared on this device (once per key)",
        "Ed25519 verify, key prepared in RAM",
        "Ed25519 verify, first signature after a boot (prepared table from flash)",
        "root accepted: prepared tables from its split points, per release or approval key",
        "Ed25519 verify, first signature under a key whose table came from a root's split points",
        "X25519 (one scalar multiplication)",
        "record-chain reader, per 4 KiB record",
        "key unwrap (X25519, HKDF, AES key wrap)",
        "full update: verify and decrypt the image",
        "delta update: verify, decrypt and apply the patch",
        "delta patch apply alone (DeltaPatcher)",
        "poll steps: boot (provisioned device, nothing pending)",
        "poll: whole delta update",
        "poll steps: boot into the trial",
        "boot: device key, public key derived (no device.pub)",
        "boot: device key with its stored public key",
        "boot: trusted root by full verification (no cached form)",
        "boot: trusted root from its cached form",
        "boot: UpdateClient created",
        "boot + trusted root before the first poll",
        "poll: manifest verify after a boot, up to date (200)",
        "poll: no change (304)",
        "poll: root rotation 1 -> 2, then the manifest",
        "poll: whole full update",
        "report MAC key (X25519, HKDF)",
        "report: queue and send one (transport excluded)",
    ];

    [Fact]
    public void DeviceCost_prints_the_table_and_writes_every_step_to_json()
    {
        using var temp = new TempDirectory();
        var json = temp.Combine("cost.json");

        var (exitCode, consoles) = BuildProgram.Run(RepositoryRoot.FullPath, "--target=DeviceCost", "--json=" + json);

        Assert.True(exitCode == (int)ExitCode.Success, consoles.AllText);
        Assert.Contains("IL instructions", consoles.OutputText, StringComparison.Ordinal);
        Assert.Contains("cycles at 240 MHz", consoles.OutputText, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var steps = document.RootElement.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        foreach (var name in Steps)
        {
            Assert.True(steps.ContainsKey(name), $"{name} is missing from {json}");
            Assert.True(steps[name].GetProperty("ilInstructions").GetInt64() > 0, name);
            Assert.True(steps[name].GetProperty("esp32SecondsAt300").GetDouble() > steps[name].GetProperty("esp32SecondsAt40").GetDouble(), name);
        }
        Assert.True(steps["delta update: verify, decrypt and apply the patch"].GetProperty("ilPerOutputByte").GetDouble() > 0);

        // Regression guards on deterministic counts: issue 9's targets where they are met (static
        // tables at boot, a signature under a prepared key, the record reader), a little above the
        // figures reached elsewhere (a first signature under a key, X25519).
        // The boot step allocates the preallocated buffers (that is its job); every other guarded step must not allocate.
        AssertAtMost(steps["boot: static tables (base-point table, curve constants)"], 100_000, mayAllocate: true);
        // Issue 9's 1.2M for a signature holds under a key prepared in RAM and after a boot (its table from flash; the one
        // allocation is the file's name); only the first signature ever under a key computes and writes its table. The check
        // point is encoded with the variable-time Euclid inversion and every product carries in its sums (792k from
        // ./build.sh with a key in RAM, 813k from this test's Debug core; 838k with the constant-time safegcd and separate
        // carry chains, 908k with Fermat's). Guards about 3 % above the Debug figures: document steps vary by about 1 %.
        AssertAtMost(steps["Ed25519 verify, key prepared in RAM"], 840_000);
        AssertAtMost(steps["Ed25519 verify, first signature after a boot (prepared table from flash)"], 900_000, maxAllocations: 1);
        AssertAtMost(steps["Ed25519 verify, first signature under a key never prepared on this device (once per key)"], 1_920_000, maxAllocations: 1);
        // A root with split points (PROTOCOL.md section 5): its release and approval keys' tables are built when it is
        // accepted, without doublings (406k per key from ./build.sh, 420k from this test's Debug core), so the first signature
        // under such a key is a prepared one; the first full update of a provisioned device drops from 7.46M to 6.30M
        // (./build.sh; 6.94M from the Debug core, where the doublings of the two tables would add about 1.2M), and to 5.92M
        // with the safegcd inversion in X25519 and in Ed25519's point encoding, and to 5.86M with the Euclid inversion.
        AssertAtMost(steps["root accepted: prepared tables from its split points, per release or approval key"], 440_000, maxAllocations: 1);
        AssertAtMost(steps["Ed25519 verify, first signature under a key whose table came from a root's split points"], 840_000);
        // 5.66M from ./build.sh, 6.22M from the Debug core when this guard was set.
        AssertInstructionsAtMost(steps["poll: whole full update"], 6_450_000);
        // 1.35M from ./build.sh (Release), 1.51M from this test's Debug build of the core (its JSON code counts more IL).
        AssertInstructionsAtMost(steps["poll: manifest verify after a boot, up to date (200)"], 1_600_000);
        // X25519: issue 9's 1.2M, met by ./build.sh's Release core: 1,190,988 when this guard was set (fused carries, the
        // blinded variable-time inversion; 1,217,384 with the constant-time safegcd). The Debug core this test runs counts
        // about 7,000 more (its nops): 1,198,024, so the guard leaves room for another compiler's nops, not for a
        // regression. The input is fixed, so the count is too; over 1,000 random scalars and points the Release count ran
        // from 1,190,068 to 1,192,023.
        AssertAtMost(steps["X25519 (one scalar multiplication)"], 1_204_000);
        AssertAtMost(steps["record-chain reader, per 4 KiB record"], 500);
        // Issue 9: a boot reaches its first poll in at most 100,000 IL besides the static constructors; the
        // stored public key (no X25519) and the cached root (one native HMAC, no JSON, no signature) make it.
        AssertInstructionsAtMost(steps["boot + trusted root before the first poll"], 100_000);
        AssertInstructionsAtMost(steps["boot: trusted root from its cached form"], 10_000);
        AssertInstructionsAtMost(steps["boot: device key with its stored public key"], 10_000);
        // Issue 12: applying a patch costs a few IL instructions per output byte and allocates nothing
        // (on the marauder pair when this guard was set: 4.45 from ./build.sh's Release core, 6.13 from
        // the tests' Debug core, whose extra nops weigh most in the candidate search loop; format 3, without
        // candidate edits, was 3.03 and 4.04, 3.46 and 4.61 before blocks decoded their numbers inline,
        // 5.26 from the Release core before that).
        var apply = steps["delta patch apply alone (DeltaPatcher)"];
        Assert.True(apply.GetProperty("ilPerOutputByte").GetDouble() <= 6.3, $"delta patch apply: {apply.GetProperty("ilPerOutputByte").GetDouble():F2} IL per output byte");
        Assert.Equal(0, apply.GetProperty("allocations").GetInt64());
        // The pairs with most literals and matches (micropython) and fewest edits (idf-hello): when this
        // guard was set, 19.52 and 5.29 from the tests' Debug core (14.39 and 3.88 from ./build.sh's
        // Release core; format 3, without candidate edits: 17.58 and 3.44, 13.09 and 2.60; micropython was 13.93 before short matches were copied inside the literal loop and
        // blocks decoded their numbers inline, 15.31 before matches copied by doubling and numbers, gaps
        // and explicit values came from static tables).
        // Those two pairs come from ../shared/firmware-pairs only: in a checkout without it (a maintainer's
        // repository) the benchmark skips them, and so does this guard.
        AssertPairPerOutputByteAtMost(steps, "micropython-esp8266", 19.7);
        AssertPairPerOutputByteAtMost(steps, "idf-hello-esp32", 5.4);
    }

    private static void AssertPairPerOutputByteAtMost(Dictionary<string, JsonElement> steps, string pair, double instructionsPerByte)
    {
        var name = "delta patch apply alone: " + pair;
        var folder = Path.GetFullPath(Path.Combine(RepositoryRoot.FullPath, "..", "shared", "firmware-pairs", pair));
        if (!Directory.Exists(folder))
        {
            Assert.False(steps.ContainsKey(name), $"{name} is measured although {folder} does not exist");
            return;
        }
        Assert.True(steps.ContainsKey(name), $"{name} is missing although {folder} exists");
        AssertPerOutputByteAtMost(steps[name], instructionsPerByte);
    }

    private static void AssertPerOutputByteAtMost(JsonElement step, double instructionsPerByte)
    {
        var name = step.GetProperty("name").GetString();
        double perByte = step.GetProperty("ilPerOutputByte").GetDouble();
        Assert.True(perByte <= instructionsPerByte, $"{name}: {perByte:F2} IL per output byte, more than {instructionsPerByte}");
        Assert.Equal(0, step.GetProperty("allocations").GetInt64());
    }

    private static void AssertInstructionsAtMost(JsonElement step, long instructions)
    {
        var name = step.GetProperty("name").GetString();
        Assert.True(step.GetProperty("ilInstructions").GetInt64() <= instructions,
            $"{name}: {step.GetProperty("ilInstructions").GetInt64():N0} IL instructions, the guard is {instructions:N0}");
    }

    private static void AssertAtMost(JsonElement step, long instructions, bool mayAllocate = false, long maxAllocations = 0)
    {
        var name = step.GetProperty("name").GetString();
        Assert.True(step.GetProperty("ilInstructions").GetInt64() <= instructions,
            $"{name}: {step.GetProperty("ilInstructions").GetInt64():N0} IL instructions, the guard is {instructions:N0}");
        if (!mayAllocate)
            Assert.True(step.GetProperty("allocations").GetInt64() <= maxAllocations, $"{name} allocates more than {maxAllocations} times");
    }

    [Fact]
    public void DeviceCost_with_a_profile_that_is_not_a_number_is_a_command_line_error()
    {
        var (exitCode, consoles) = BuildProgram.Run(RepositoryRoot.FullPath, "--target=DeviceCost", "--profile=many");
        Assert.Equal((int)ExitCode.InvalidCommandLine, exitCode);
        Assert.Contains("--profile=many is not a number of methods", consoles.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public void DeviceCost_with_an_empty_json_name_is_a_command_line_error()
    {
        var (exitCode, consoles) = BuildProgram.Run(RepositoryRoot.FullPath, "--target=DeviceCost", "--json=");
        Assert.Equal((int)ExitCode.InvalidCommandLine, exitCode);
        Assert.Contains("--json needs a file name", consoles.ErrorText, StringComparison.Ordinal);
    }
}
