using System.Globalization;
using SecureOta.Build.Frosting;
using SecureOta.Build.Releases;

namespace SecureOta.Build.Demo;

/// <summary>The Demo's closing summary: per scenario what the device ended with and what it cost.</summary>
public static class DemoSummary
{
    public static void Print(BuildLog log, Uri site, Release oldest, Release newest, IReadOnlyList<DemoOutcome> outcomes, int serverRequests)
    {
        log.Information("");
        log.Information("Demo summary ({0}, {1} request(s) answered by the local server):", site, serverRequests);
        log.Information("  {0,-8} {1,-36} {2,5} {3,5} {4,8} {5,11} {6,8}", "scenario", "device", "boots", "polls", "requests", "bytes", "time");
        foreach (var (scenario, result) in outcomes)
        {
            string now = result.Final.ActiveApp?.Version ?? "nothing";
            string device = result.Confirmed ? $"{oldest.Version} -> {newest.Version}, confirmed"
                : result.Reverted ? $"{oldest.Version} -> {newest.Version} -> reverted to {now}"
                : $"{oldest.Version} -> {now}";
            log.Information("  {0,-8} {1,-36} {2,5} {3,5} {4,8} {5,11} {6,8}", scenario.Name, device, result.Boots, result.Polls, result.Requests,
                result.BytesReceived.ToString("N0", CultureInfo.InvariantCulture), result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s");
        }
        foreach (var (scenario, result) in outcomes)
        {
            log.Information("  {0}: {1}", scenario.Name, result.Final);
        }
    }
}
