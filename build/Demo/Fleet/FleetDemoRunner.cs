using System.Security.Cryptography;
using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Build.Gate;
using SecureOta.Build.Publishing;
using SecureOta.Build.Keys;
using SecureOta.Build.LocalServer;
using SecureOta.Collector.Hosting;
using SecureOta.Device.Core.Crypto;

namespace SecureOta.Build.Demo.Fleet;

/// <summary>
/// The FleetDemo target's story, on a workspace of its own with DEMO keys: a fleet of simulated devices on
/// 1.0.0, the report collector running in-process (SQLite), and the real build program run as CI runs it.
/// <list type="number">
/// <item>A tag stages the bad release 1.1.0 on stable at 10 %; the devices in that cohort install it, and on
/// hardware revision B its trial never confirms, so their loaders revert it; the collector gets the reports.</item>
/// <item>The scheduled refresh's rollout gate reads the collector's summary and halts stable back to 1.0.0,
/// without a new tag; the next poll round shows no other device ever starts 1.1.0.</item>
/// <item>A tag stages the good release 1.2.0 at 10 %; each refresh widens it one step (50 %, 100 %) from the
/// devices' confirmations, until the whole fleet runs it.</item>
/// </list>
/// Fails (DemoFailed) when the story does not happen as told.
/// </summary>
public sealed class FleetDemoRunner
{
    public const string Channel = "stable";
    public const string DevicesArgument = "devices";
    public const int DefaultDevices = 100;
    private const int MaxRefreshes = 6;

    private readonly BuildContext _context;

    public FleetDemoRunner(BuildContext context) => _context = context;

    public FleetDemoResult Run()
    {
        var count = Devices();
        using var workspace = FleetDemoWorkspace.Create(_context.Paths.RootDir);
        var collectorPrivate = RandomNumberGenerator.GetBytes(32);
        var collectorPublic = new byte[32];
        X25519.ScalarMultBase(collectorPublic, collectorPrivate);
        var devices = Enumerable.Range(1, count).Select(n => new FleetDevice(n, Path.Combine(workspace.Root, "devices", n.ToString("000", System.Globalization.CultureInfo.InvariantCulture)))).ToList();
        workspace.RegisterDevices(devices);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var log = _context.Log;

        var collector = CollectorHost.StartAsync(new CollectorOptions
        {
            RecipientsPath = workspace.RecipientsFile,
            PrivateKey = collectorPrivate,
            Database = "sqlite:" + Path.Combine(workspace.Root, "collector.db"),
            SummaryToken = token,
            DeviceReportsPerMinute = 0,
            AddressRequestsPerMinute = 0,
            LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
            // Behind the demo's TLS front on loopback, as in production behind a reverse proxy.
            BehindProxy = true,
            // The builds' clock, so the summary's generated time and the gate's build time agree.
            Time = _context.Environment.Clock,
        }).GetAwaiter().GetResult();
        var demoKeys = new DemoKeyStore(workspace.DemoKeysDir);
        var anchors = TlsAnchorSet.Load(Path.Combine(workspace.KeysDir, TlsAnchorSet.FolderName), p => p).ToList();
        anchors.Add(demoKeys.EnsureTestCertificateAuthority(out _));
        demoKeys.EnsureCreated(_context.Now, anchors);
        var ca = TestCertificateAuthority.Load(demoKeys.TestCertificateAuthorityDir);
        var front = FleetCollectorTls.StartAsync(ca.ServerCertificate, collector.BaseUrl).GetAwaiter().GetResult();
        // The devices learn the collector from their signed root: its URL, key and the CA pinned for its host.
        demoKeys.NameCollector(_context.Now, anchors, new RootCollector(front.BaseUrl.ToString(), collectorPublic, [ca.RootCertificatePem]));
        try
        {
            log.Information("Fleet demo: {0} simulated devices (DEMO keys, registered in the demo's own keys/recipients.json) on {1}; the report collector runs in-process (SQLite) behind {2}, which the DEMO root names; each device's core sends its own reports.",
                count, FleetDemoWorkspace.Base, front.BaseUrl);
            log.Information("stable's rolloutPolicy: {0}. Even-numbered devices are hardware revision B, where {1}'s app never confirms.", FleetDemoWorkspace.Policy(count), FleetDemoWorkspace.Bad);
            var builds = new FleetBuild(_context, workspace, token);
            var rounds = new List<FleetRoundResult>();
            var decisions = new List<string>();
            try
            {
                FleetRoundResult Round(string title)
                {
                    var target = builds.Last!.SignedChannels.Single(c => c.Channel == Channel);
                    var result = FleetRound.Run(title, builds.LiveSite!, target.Release.Version.ToString(), target.Manifest.Rollout.Percent, devices, ca,
                        builds.Last.Keys.Roots.Envelope(1), workspace.ImageOf(FleetDemoWorkspace.Base), _context.Now);
                    log.Information("  {0}", result.Describe());
                    rounds.Add(result);
                    return result;
                }

                void Refresh(string title)
                {
                    log.Information("{0}", title);
                    foreach (var line in builds.Refresh(collector.BaseUrl))
                    {
                        log.Information("  {0}", line);
                        decisions.Add(line);
                    }
                }

                log.Information("");
                log.Information("1. Tag: stable stages {0} (the bad release) at 10 %; the release workflow deploys it.", FleetDemoWorkspace.Bad);
                workspace.StageOnStable(FleetDemoWorkspace.Bad, 10, count);
                var channelsAtTag = File.ReadAllBytes(workspace.ChannelsFile);
                builds.Deploy();
                var first = Round("Poll round 1");
                Refresh("2. Scheduled refresh: the rollout gate reads the collector's summary.");
                var halted = builds.Last!.SignedChannels.Single(c => c.Channel == Channel);
                var untouched = File.ReadAllBytes(workspace.ChannelsFile).AsSpan().SequenceEqual(channelsAtTag);
                var afterHalt = Round("Poll round 2 (after the refresh)");

                log.Information("");
                log.Information("3. Tag: the good release {0} joins releases/ and stable stages it at 10 %.", FleetDemoWorkspace.Good);
                workspace.AddGoodRelease();
                workspace.StageOnStable(FleetDemoWorkspace.Good, 10, count);
                builds.Deploy();
                Round("Poll round 3");
                for (int refresh = 1; refresh <= MaxRefreshes && devices.Any(d => d.Running != FleetDemoWorkspace.Good); refresh++)
                {
                    Refresh($"{3 + refresh}. Scheduled refresh.");
                    Round($"Poll round {3 + refresh}");
                }

                CopySite(builds.LiveSite!);
                var result = new FleetDemoResult(count, first, afterHalt, halted.Release.Version.ToString(), untouched, devices.Count(d => d.Tried.Contains(FleetDemoWorkspace.Bad)),
                    first.Installed.Count, devices.Count(d => d.Running == FleetDemoWorkspace.Good), rounds, decisions, _context.Paths.SiteDir);
                FleetDemoSummary.Print(log, result);
                return result;
            }
            finally
            {
                ca.Dispose();
            }
        }
        finally
        {
            front.DisposeAsync().AsTask().GetAwaiter().GetResult();
            collector.DisposeAsync().AsTask().GetAwaiter().GetResult();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>The last demo site replaces --site-dir (as the Demo target's build does), so its dashboard can be opened after the workspace is gone.</summary>
    private void CopySite(string site)
    {
        var target = _context.Paths.SiteDir;
        if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
        foreach (var file in Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(site, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    private int Devices()
    {
        var text = _context.GetArgument(DevicesArgument);
        if (text is null) return DefaultDevices;
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 20 and <= 1000
            ? n
            : throw new BuildException(BuildErrorCode.InvalidArgument, $"--{DevicesArgument}={text} is not a fleet size from 20 to 1000.",
                $"Give --{DevicesArgument}=<20 to 1000>, or leave it out for {DefaultDevices}.");
    }
}
