using System.Globalization;
using SecureOta.Build.Frosting;
using SecureOta.Build.Releases;
using SecureOta.Device.Core.Update;

namespace SecureOta.Build.Demo;

/// <summary>The Demo's closing summary: per scenario what the device ended with, what it cost, and how the new image came (the bytes a delta patch saved).</summary>
public static class DemoSummary
{
    /// <summary>"1.2.0 came as the 15,360-byte delta patch from 1.0.0 instead of the 320,432-byte full image: 305,072 bytes (95.2 %) saved."</summary>
    public static string Download(Release newest, UpdateReport installed)
    {
        if (!installed.InstalledByDelta)
            return $"{newest.Version} came as the {installed.ArtifactBytes.ToString("N0", CultureInfo.InvariantCulture)}-byte full image" +
                (installed.DeltaProblem is null ? "." : $" after the delta patch failed ({installed.DeltaProblem}).");
        double percent = 100.0 * installed.BytesSaved / installed.FullImageBytes;
        return $"{newest.Version} came as the {installed.ArtifactBytes.ToString("N0", CultureInfo.InvariantCulture)}-byte delta patch from {installed.DeltaBaseVersion} " +
            $"instead of the {installed.FullImageBytes.ToString("N0", CultureInfo.InvariantCulture)}-byte full image: " +
            $"{installed.BytesSaved.ToString("N0", CultureInfo.InvariantCulture)} bytes ({percent.ToString("0.0", CultureInfo.InvariantCulture)} %) saved.";
    }

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
        foreach (var (scenario, result) in outcomes)
        {
            if (result.InstallReport is { } installed) log.Information("  {0}: {1}", scenario.Name, Download(newest, installed));
        }
    }
}
