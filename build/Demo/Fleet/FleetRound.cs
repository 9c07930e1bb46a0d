using SecureOta.Build.Frosting;
using SecureOta.Build.LocalServer;
using SecureOta.Build.Site;
using SecureOta.Device.Simulation;

namespace SecureOta.Build.Demo.Fleet;

/// <summary>
/// One poll round: serves the live site over HTTPS on 127.0.0.1 with the TEST CA and lets every fleet device
/// boot and poll until it is settled (installing, booting on trial, confirming or being reverted by its
/// loader), then sends its reports: trial-scheduled, confirmed or reverted for what it did, and a heartbeat.
/// On hardware revision B the bad release's app never confirms.
/// </summary>
internal static class FleetRound
{
    public static FleetRoundResult Run(string title, string liveSite, string offered, int percent, IReadOnlyList<FleetDevice> devices,
        TestCertificateAuthority ca, byte[] rootV1, string baseImage, FleetReportClient reports, DateTimeOffset now)
    {
        int storedBefore = reports.Stored, refusedBefore = reports.Refused;
        var installed = new List<int>();
        var confirmed = new List<int>();
        var reverted = new List<int>();
        var failed = new List<int>();
        using var server = LocalSiteServer.StartHttpsAsync(liveSite, ca.ServerCertificate).GetAwaiter().GetResult();
        var site = server.UrlFor(SiteLayout.OtaBase);
        foreach (var device in devices)
        {
            var settings = new SimulatorSettings
            {
                SiteUrl = site,
                ProvisionedCaPems = [ca.RootCertificatePem],
                StateDir = device.StateDir,
                Channel = FleetDemoRunner.Channel,
                ProvisionRoot = rootV1,
                ProvisionImageFile = baseImage,
                ProvisionSecurityVersion = 1,
                DeviceKey = (byte[])device.PrivateKey.Clone(),
                DeviceKeySource = device.Name,
                // The builds signed at the build's time; the device's clock runs from there (as in the Demo target).
                Clock = SecureOta.Device.Host.SystemClock.StartingAt(now),
                App = offered == FleetDemoWorkspace.Bad && device.IsRevisionB ? SimulatedAppBehaviour.NeverConfirms : SimulatedAppBehaviour.ConfirmsAfterHealthCheck,
            };
            try
            {
                using var simulated = SimulatedDevice.Open(settings, _ => { });
                var before = simulated.ReadStatus().ActiveApp?.Version ?? FleetDemoWorkspace.Base;
                var result = simulated.Run();
                var after = result.Final.ActiveApp?.Version ?? before;
                device.Running = after;
                SendReports(device, before, after, result, reports);
                if (result.InstallReport is { } install)
                {
                    device.Tried.Add(install.ReleaseVersion);
                    if (install.ReleaseVersion == offered) installed.Add(device.Number);
                }
                if (result.Confirmed && after == offered) confirmed.Add(device.Number);
                if (result.Reverted) reverted.Add(device.Number);
                if (result.Problem is not null || result.LastReport is { Succeeded: false }) failed.Add(device.Number);
            }
            catch (SimulatorException e)
            {
                throw new BuildException(BuildErrorCode.DemoFailed, $"Fleet device {device.Name} could not start: {e.Problem}", e.Remedy, e);
            }
        }

        var running = devices.GroupBy(d => d.Running ?? "?").ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new FleetRoundResult(title, offered, percent, installed, confirmed, reverted, failed, running,
            reports.Stored - storedBefore, reports.Refused - refusedBefore);
    }

    private static void SendReports(FleetDevice device, string before, string after, SimulationResult result, FleetReportClient reports)
    {
        const string Channel = FleetDemoRunner.Channel;
        if (result.InstallReport is { } install)
        {
            var version = install.ReleaseVersion;
            reports.Send(device, new FleetReport("trial-scheduled", Channel, version, before, Artifact: install.InstalledByDelta ? "delta" : "full"));
            if (result.Confirmed) reports.Send(device, new FleetReport("confirmed", Channel, version, after));
            if (result.Reverted) reports.Send(device, new FleetReport("reverted", Channel, version, after, Reason: $"trial not confirmed after {result.TrialBoots} boot(s)"));
        }
        else if (result.LastReport is { Succeeded: false } last)
        {
            reports.Send(device, new FleetReport("download-failed", Channel, last.ReleaseVersion ?? after, after, Reason: Trim(last.Failure?.ToString())));
        }

        reports.Send(device, new FleetReport("heartbeat", Channel, after, after));
    }

    private static string? Trim(string? text) => text is null ? null : text.Length <= 200 ? text : text[..200];
}
