using SecureOta.Build.Gate;
using SecureOta.Build.Releases;

namespace SecureOta.Tests.Fleet.Gate;

/// <summary>The gate tests' own inputs: releases of one channel, a policy, summaries with chosen counts, and the summary JSON files under TestData.</summary>
internal static class GateFixtures
{
    public static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_767_225_600);

    public static RolloutGatePolicy Policy(int minReports = 10, double maxFailureRate = 0.2) => new([1, 10, 50, 100], minReports, maxFailureRate);

    public static IReadOnlyList<Release> Releases(params string[] versions) =>
        versions.Select((v, i) => new Release(SemVersion.Parse(v), 1, ["stable"], "", "/nowhere/" + v, "firmware.bin", 4096)).ToList();

    public static ChannelConfig Channel(RolloutConfig? rollout, RolloutGatePolicy? policy = null) => new("stable", 14, 3, rollout, policy ?? Policy());

    public static RolloutConfig Active(string release, int percent) => new(SemVersion.Parse(release), percent, RolloutState.Active, null);

    public static LiveChannelTarget Live(string version, int percent) => new("stable", SemVersion.Parse(version), percent);

    public static SummaryLoad Summary(string version, int confirmed, int reverted, int failed) =>
        new(new CollectorSummary(Now.AddHours(-1), [new ChannelReportSummary("stable",
            [new ReleaseReportSummary(version, new DeviceOutcomeCounts(confirmed + reverted + failed, confirmed, reverted, 0, failed), [])], [])]), null, "test");

    public static string SummaryFile(string name) =>
        Path.Combine(RepositoryRoot.FullPath, "tests", "SecureOta.Tests", "TestData", "collector-summaries", name);
}
