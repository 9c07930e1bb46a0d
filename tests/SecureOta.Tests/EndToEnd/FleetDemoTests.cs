using SecureOta.Build.Gate;
using SecureOta.Tests.Build.Support;
using SecureOta.Tests.Pipeline;

namespace SecureOta.Tests.EndToEnd;

/// <summary>
/// The FleetDemo target as a user runs it (<c>./build.sh --target=FleetDemo</c>), with a 40-device fleet to
/// keep the test short: the collector in-process, the bad release halted by a refresh without a tag and no
/// further device starting it, then the good release widened step by step to the whole fleet. The fleet's
/// keys are derived from device numbers, so its rollout cohorts (and these counts) are the same on every run.
/// </summary>
public sealed class FleetDemoTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void Fleet_demo_halts_the_bad_release_without_a_tag_and_widens_the_good_one()
    {
        var site = _temp.Combine("site");

        var run = PipelineRun.Execute(["--target=FleetDemo", "--devices=40", $"--site-dir={site}", $"--demo-keys-dir={_temp.Combine("demo-keys")}"]).AssertSucceeded();

        var output = run.Consoles.OutputText;
        Assert.Contains("Rollout gate: stable 1.1.0: halt at 10 %, every device offered 1.0.0", output, StringComparison.Ordinal);
        Assert.Contains("HALTED 1.1.0", output, StringComparison.Ordinal);
        Assert.Contains("without a tag (channels.json unchanged); after it 0 more device(s) started 1.1.0", output, StringComparison.Ordinal);
        Assert.Contains("Rollout gate: stable 1.2.0: widen 10 % -> 50 %", output, StringComparison.Ordinal);
        Assert.Contains("Rollout gate: stable 1.2.0: widen 50 % -> 100 %", output, StringComparison.Ordinal);
        Assert.Contains("40 of 40 devices run it", output, StringComparison.Ordinal);

        var record = GateRecordJson.Read(File.ReadAllBytes(Path.Combine(site, GateRecord.SitePath)));
        var stable = record.Channel("stable")!;
        Assert.Equal(("1.2.0", 100), (stable.Target, stable.Percent));
        Assert.Contains(stable.Decisions, d => d.Verdict == GateVerdict.Halt && d.Release == "1.1.0" && d.TargetAfter == "1.0.0");
        Assert.True(stable.Reports!.Release("1.1.0")!.Devices.Reverted >= 1);
        Assert.Contains("halt", File.ReadAllText(Path.Combine(site, "index.html")), StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
