using SecureOta.Build.Frosting;
using SecureOta.Build.LocalServer;
using SecureOta.Build.Site;
using SecureOta.Device.Simulation;

namespace SecureOta.Build.Demo.Fleet;

/// <summary>
/// One poll round: serves the live site over HTTPS on 127.0.0.1 with the TEST CA and lets every fleet device
/// boot and poll until it is settled (installing, booting on trial, confirming or being reverted by its
/// loader). Each device's core sends its own reports to the collector its root names (PROTOCOL.md 11d).
/// On hardware revision B the bad release's app never confirms.
/// </summary>
internal static class FleetRound
{
    public static FleetRoundResult Run(string title, string liveSite, string offered, int percent, IReadOnlyList<FleetDevice> devices,
        TestCertificateAuthority ca, byte[] rootV1, string baseImage, DateTimeOffset now)
    {
        int posts = 0;
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
                posts += simulated.Reports.Posts;
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
            posts);
    }
}
