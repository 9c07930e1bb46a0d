using System.Text.Json;
using SecureOta.Build.Gate;
using SecureOta.Tests.Fleet.Support;
using SecureOta.Tests.Pipeline;

namespace SecureOta.Tests.Fleet.Gate;

/// <summary>
/// The rollout gate as the scheduled refresh runs it: the build program with <c>--rollout-gate</c>,
/// <c>--collector-summary</c> and <c>--live-site</c> on a workspace whose channels.json gives stable a policy
/// and a staged rollout of 1.2.0 at 10 %. The "live site" is the site the previous build wrote; each refresh
/// rebuilds the same releases/ (the tag) and commits nothing.
/// </summary>
public sealed class RolloutGatePipelineTests : IDisposable
{
    private const string Channels = """
        {
          "channels": {
            "stable": {
              "manifestLifetimeDays": 14,
              "deltaBaseCount": 3,
              "rollout": {"release": "1.2.0", "percent": 10, "state": "active"},
              "rolloutPolicy": {"steps": [1, 10, 50, 100], "minReports": 10, "maxFailureRate": 0.2}
            },
            "beta": {"manifestLifetimeDays": 7, "deltaBaseCount": 3}
          }
        }
        """;

    private readonly FleetWorkspace _workspace = new();

    public RolloutGatePipelineTests()
    {
        File.WriteAllText(_workspace.ChannelsFile, Channels);
        _workspace.Run("--site-dir=" + Site("live-0")).AssertSucceeded();
    }

    [Fact]
    public void Refresh_widens_one_step_and_publishes_the_decision_on_the_dashboard()
    {
        var run = Refresh("live-0", "live-1", 1, "--collector-summary=" + GateFixtures.SummaryFile("healthy-1.2.0.json"));

        Assert.Equal(("1.2.0", 50), Target("live-1", "stable"));
        Assert.Contains("Rollout gate: stable 1.2.0: widen 10 % -> 50 % (12 outcomes: 12 confirmed, 0 reverted, 0 failed; failure rate 0 %)",
            run.Consoles.OutputText, StringComparison.Ordinal);
        var record = GateRecordJson.Read(File.ReadAllBytes(Path.Combine(Site("live-1"), GateRecord.SitePath)));
        var stable = record.Channel("stable")!;
        Assert.Equal((GateVerdict.Widen, 10, 50), (stable.Decisions[0].Verdict, stable.Decisions[0].StepBefore, stable.Decisions[0].StepAfter));
        var html = File.ReadAllText(Path.Combine(Site("live-1"), "index.html"));
        Assert.Contains("<section id=\"rollouts\">", html, StringComparison.Ordinal);
        Assert.Contains("10 % → 50 %", html, StringComparison.Ordinal);
        Assert.Contains("12 outcomes (minReports 10), failure rate 0 % within the maximum 20 %", html, StringComparison.Ordinal);
        Assert.Contains("1.1.0 on 88 device(s)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Refresh_halts_channel_back_to_the_previous_release_without_a_tag()
    {
        var channelsBefore = File.ReadAllBytes(_workspace.ChannelsFile);

        var run = Refresh("live-0", "live-1", 1, "--collector-summary=" + GateFixtures.SummaryFile("reverting-1.2.0.json"));

        Assert.Equal(("1.1.0", 100), Target("live-1", "stable"));
        Assert.Equal(("1.2.0", 100), Target("live-1", "beta"));
        Assert.Equal(channelsBefore, File.ReadAllBytes(_workspace.ChannelsFile));
        Assert.Contains("Rollout gate: stable 1.2.0: halt at 10 %, every device offered 1.1.0", run.Consoles.OutputText, StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(Site("live-1"), "index.html"));
        Assert.Contains("trial not confirmed &lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);

        // The next day's refresh rebuilds the same tag, now without any summary: the halt stays.
        Refresh("live-1", "live-2", 2);
        Assert.Equal(("1.1.0", 100), Target("live-2", "stable"));
        var record = GateRecordJson.Read(File.ReadAllBytes(Path.Combine(Site("live-2"), GateRecord.SitePath)));
        Assert.Equal(GateChannelRecord.Halted, record.Channel("stable")!.State);
        Assert.Equal([GateVerdict.Hold, GateVerdict.Halt], record.Channel("stable")!.Decisions.Select(d => d.Verdict));
    }

    [Fact]
    public void Refresh_without_collector_holds_the_live_step_and_says_so()
    {
        Refresh("live-0", "live-1", 1, "--collector-summary=" + GateFixtures.SummaryFile("healthy-1.2.0.json"));

        var run = Refresh("live-1", "live-2", 2);

        Assert.Equal(("1.2.0", 50), Target("live-2", "stable"));
        Assert.Contains("no collector summary was given (--collector-summary)", run.Consoles.AllText, StringComparison.Ordinal);
        Assert.Contains("Rollout gate: stable 1.2.0: hold at 50 %", run.Consoles.OutputText, StringComparison.Ordinal);
    }

    [Fact]
    public void Refresh_holds_below_minimum_reports()
    {
        Refresh("live-0", "live-1", 1, "--collector-summary=" + GateFixtures.SummaryFile("few-reports-1.2.0.json"));

        Assert.Equal(("1.2.0", 10), Target("live-1", "stable"));
    }

    [Fact]
    public void Refresh_holds_when_the_summary_is_over_its_size_bound()
    {
        var run = Refresh("live-0", "live-1", 1, "--collector-summary=" + GateFixtures.SummaryFile("healthy-1.2.0.json"), "--collector-summary-max-bytes=100");

        Assert.Equal(("1.2.0", 10), Target("live-1", "stable"));
        Assert.Contains("over the 100-byte bound", run.Consoles.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void RolloutGate_target_prints_the_decisions_without_writing_a_site()
    {
        var run = _workspace.Run("--target=RolloutGate", "--site-dir=" + Site("untouched"), "--live-site=" + SiteFiles.Ota(Site("live-0")),
            "--collector-summary=" + GateFixtures.SummaryFile("reverting-1.2.0.json")).AssertSucceeded();

        Assert.Contains("Rollout gate: stable 1.2.0: halt at 10 %, every device offered 1.1.0", run.Consoles.OutputText, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Site("untouched")));
    }

    [Fact]
    public void Build_without_the_gate_publishes_no_record_and_the_tags_rollout()
    {
        Assert.False(File.Exists(Path.Combine(Site("live-0"), GateRecord.SitePath)));
        Assert.DoesNotContain("id=\"rollouts\"", File.ReadAllText(Path.Combine(Site("live-0"), "index.html")), StringComparison.Ordinal);
        Assert.Equal(("1.2.0", 10), Target("live-0", "stable"));
    }

    /// <summary>One refresh: the build with the gate on, reading <paramref name="live"/> as the deployed site, writing <paramref name="next"/>.</summary>
    private PipelineRun Refresh(string live, string next, int day, params string[] extra) =>
        _workspace.Run(["--site-dir=" + Site(next), "--rollout-gate", "--live-site=" + SiteFiles.Ota(Site(live)),
            "--now=" + (FleetWorkspace.NowSeconds + day * 3600), .. extra]).AssertSucceeded();

    private string Site(string name) => Path.Combine(_workspace.Root, name, "site");

    private (string Version, int Percent) Target(string site, string channel)
    {
        JsonElement manifest = SiteFiles.Manifest(Site(site), channel);
        return (manifest.GetProperty("release").GetProperty("version").GetString()!, manifest.GetProperty("rollout").GetProperty("percent").GetInt32());
    }

    public void Dispose() => _workspace.Dispose();
}
