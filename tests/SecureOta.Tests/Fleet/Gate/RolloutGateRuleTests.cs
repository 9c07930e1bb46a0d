using SecureOta.Build.Gate;
using SecureOta.Build.Releases;
using static SecureOta.Tests.Fleet.Gate.GateFixtures;

namespace SecureOta.Tests.Fleet.Gate;

/// <summary>
/// The rollout gate's decisions on one channel (docs/OPERATIONS.md, "The rollout gate"), without I/O: the
/// current step comes from the live manifest, the counts from the collector's summary.
/// </summary>
public sealed class RolloutGateRuleTests
{
    private static readonly IReadOnlyList<Release> Versions = GateFixtures.Releases("1.0.0", "1.1.0", "1.2.0");

    [Fact]
    public void Widens_one_step_when_policy_holds()
    {
        var outcome = RolloutGate.Decide(Channel(Active("1.2.0", 1)), Versions, Live("1.2.0", 10), null, Summary("1.2.0", 12, 1, 0), Now);

        Assert.Equal(GateVerdict.Widen, outcome.Decision!.Verdict);
        Assert.Equal((10, 50), (outcome.Decision.StepBefore, outcome.Decision.StepAfter));
        Assert.Equal(Active("1.2.0", 50), outcome.Config.Rollout);
    }

    [Fact]
    public void Halts_channel_when_failures_pass_threshold()
    {
        var outcome = RolloutGate.Decide(Channel(Active("1.2.0", 10)), Versions, Live("1.2.0", 10), null, Summary("1.2.0", 8, 3, 1), Now);

        Assert.Equal(GateVerdict.Halt, outcome.Decision!.Verdict);
        Assert.Equal(RolloutState.Halted, outcome.Config.Rollout!.State);
        Assert.Equal(SemVersion.Parse("1.1.0"), outcome.Config.Rollout.Pinned);
        Assert.Equal("1.1.0", outcome.Decision.TargetAfter);
        Assert.Contains("failure rate 33.3 % (4 of 12 devices) is over the maximum 20 %", outcome.Decision.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Halts_before_minimum_reports_when_failures_alone_pass_threshold()
    {
        // 3 failures of 4: even if the next 6 outcomes up to minReports 10 confirmed, 3/10 > 20 %.
        var outcome = RolloutGate.Decide(Channel(Active("1.2.0", 1)), Versions, Live("1.2.0", 1), null, Summary("1.2.0", 1, 3, 0), Now);

        Assert.Equal(GateVerdict.Halt, outcome.Decision!.Verdict);
    }

    [Fact]
    public void Holds_below_minimum_reports()
    {
        // 1 failure of 4 is 25 %, but 1 of the 10 needed would be 10 %: not yet clear, not yet enough to widen.
        var outcome = RolloutGate.Decide(Channel(Active("1.2.0", 1)), Versions, Live("1.2.0", 10), null, Summary("1.2.0", 3, 1, 0), Now);

        Assert.Equal(GateVerdict.Hold, outcome.Decision!.Verdict);
        Assert.Equal(Active("1.2.0", 10), outcome.Config.Rollout);
        Assert.Contains("4 of the 10 outcomes needed", outcome.Decision.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Holds_without_collector()
    {
        var outcome = RolloutGate.Decide(Channel(Active("1.2.0", 1)), Versions, Live("1.2.0", 10), null, SummaryLoad.NotConfigured, Now);

        Assert.Equal(GateVerdict.Hold, outcome.Decision!.Verdict);
        Assert.Equal(Active("1.2.0", 10), outcome.Config.Rollout);
        Assert.Contains("no collector summary", outcome.Decision.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Leaves_channel_without_policy_alone()
    {
        var channel = new ChannelConfig("stable", 14, 3, Active("1.2.0", 10));

        var outcome = RolloutGate.Decide(channel, Versions, Live("1.2.0", 10), null, Summary("1.2.0", 0, 50, 0), Now);

        Assert.Null(outcome.Decision);
        Assert.Same(channel, outcome.Config);
    }

    [Fact]
    public void Holds_at_the_last_step()
    {
        var outcome = RolloutGate.Decide(Channel(Active("1.2.0", 50)), Versions, Live("1.2.0", 100), null, Summary("1.2.0", 40, 0, 0), Now);

        Assert.Equal(GateVerdict.Hold, outcome.Decision!.Verdict);
        Assert.Equal(100, outcome.Config.Rollout!.Percent);
    }

    [Fact]
    public void Maintainers_pause_is_never_widened_but_may_halt()
    {
        var paused = new RolloutConfig(SemVersion.Parse("1.2.0"), 10, RolloutState.Paused, null);

        var good = RolloutGate.Decide(Channel(paused), Versions, Live("1.2.0", 0), null, Summary("1.2.0", 30, 0, 0), Now);
        var bad = RolloutGate.Decide(Channel(paused), Versions, Live("1.2.0", 0), null, Summary("1.2.0", 5, 5, 0), Now);

        Assert.Equal((GateVerdict.Hold, paused), (good.Decision!.Verdict, good.Config.Rollout));
        Assert.Equal(GateVerdict.Halt, bad.Decision!.Verdict);
        Assert.Equal(RolloutState.Halted, bad.Config.Rollout!.State);
    }

    [Fact]
    public void Maintainers_halt_is_never_lifted()
    {
        var halted = new RolloutConfig(SemVersion.Parse("1.2.0"), 10, RolloutState.Halted, SemVersion.Parse("1.1.0"));

        var outcome = RolloutGate.Decide(Channel(halted), Versions, Live("1.1.0", 100), null, Summary("1.2.0", 50, 0, 0), Now);

        Assert.Equal(GateVerdict.Hold, outcome.Decision!.Verdict);
        Assert.Equal(halted, outcome.Config.Rollout);
    }

    [Fact]
    public void Gate_halt_survives_the_next_refresh_from_the_live_record()
    {
        var first = RolloutGate.Decide(Channel(Active("1.2.0", 10)), Versions, Live("1.2.0", 10), null, Summary("1.2.0", 2, 8, 0), Now);
        var record = new GateChannelRecord("stable", "1.2.0", "1.1.0", 100, GateChannelRecord.Halted, true, [first.Decision!], null);

        // The next refresh rebuilds the same tag (1.2.0 active at 10 % in its channels.json) with better-looking reports.
        var next = RolloutGate.Decide(Channel(Active("1.2.0", 10)), Versions, Live("1.1.0", 100), record, Summary("1.2.0", 40, 8, 0), Now.AddDays(1));

        Assert.Equal(GateVerdict.Hold, next.Decision!.Verdict);
        Assert.Equal(RolloutState.Halted, next.Config.Rollout!.State);
        Assert.Equal(SemVersion.Parse("1.1.0"), next.Config.Rollout.Pinned);
    }

    [Fact]
    public void Unsigned_record_cannot_halt_a_channel_the_live_manifest_does_not_show_halted()
    {
        var record = new GateChannelRecord("stable", "1.2.0", "1.1.0", 100, GateChannelRecord.Halted, true, [], null);

        var outcome = RolloutGate.Decide(Channel(Active("1.2.0", 10)), Versions, Live("1.2.0", 10), record, SummaryLoad.NotConfigured, Now);

        Assert.Equal(Active("1.2.0", 10), outcome.Config.Rollout);
    }

    [Fact]
    public void Halt_without_an_earlier_release_pauses_instead()
    {
        var outcome = RolloutGate.Decide(Channel(Active("1.2.0", 10)), GateFixtures.Releases("1.2.0"), Live("1.2.0", 10), null, Summary("1.2.0", 0, 10, 0), Now);

        Assert.Equal(GateVerdict.Halt, outcome.Decision!.Verdict);
        Assert.Equal(RolloutState.Paused, outcome.Config.Rollout!.State);
        Assert.Equal(0, outcome.Decision.StepAfter);
    }

    [Theory]
    [InlineData(10, 0.2, 10, 2, 0, GateVerdict.Widen)]   // 2/12 = 16.7 % within 20 %
    [InlineData(10, 0.2, 9, 3, 0, GateVerdict.Halt)]     // 3/12 = 25 %
    [InlineData(10, 0.2, 7, 2, 0, GateVerdict.Hold)]     // 9 outcomes; 2 > 0.2 x 10 is false
    [InlineData(10, 0.0, 20, 0, 1, GateVerdict.Halt)]    // zero tolerance: any failure halts
    [InlineData(100, 0.05, 3, 0, 0, GateVerdict.Hold)]
    public void Rule_is_as_documented(int minReports, double maxFailureRate, int confirmed, int reverted, int failed, GateVerdict expected)
    {
        var (verdict, _) = GateRule.Judge(Policy(minReports, maxFailureRate), new DeviceOutcomeCounts(0, confirmed, reverted, 0, failed));

        Assert.Equal(expected, verdict);
    }
}
