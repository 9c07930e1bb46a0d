using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Build.Keys;
using SecureOta.Build.LocalServer;
using SecureOta.Build.Releases;
using SecureOta.Build.Site;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Host;
using SecureOta.Device.Simulation;

namespace SecureOta.Build.Demo;

/// <summary>
/// The Demo target's work, after the Default pipeline built and verified the site with DEMO keys: serves
/// site/ over HTTPS on 127.0.0.1 with the local TEST CA (which the DEMO root pins), then runs the
/// simulated device twice from fresh state folders, each provisioned with root v1, the DEMO device key
/// and the oldest release's image: once with an app that confirms the update, once with one that never
/// does, so the loader reverts it. The update comes by the delta patch from the oldest release when the
/// site publishes one, and the summary shows the bytes it saved against the full image. Prints every device step and a summary; fails when the device did
/// not end where the scenario says. The server is always stopped and the state folders deleted.
/// </summary>
public sealed class DemoRunner
{
    /// <summary>The channel the Demo follows.</summary>
    public const string Channel = "stable";

    private readonly BuildContext _context;

    public DemoRunner(BuildContext context) => _context = context;

    public void Run()
    {
        if (!_context.Keys.IsDemo)
        {
            throw new BuildException(BuildErrorCode.DemoFailed, "The Demo target runs with DEMO keys only: this build uses a release key.",
                "Run ./build.sh --target=Demo without SECUREOTA_RELEASE_KEY or --release-key.");
        }
        var (oldest, newest) = ChooseReleases();
        var ca = LoadTestAuthority();
        var stateRoot = Directory.CreateTempSubdirectory("secureota-demo-").FullName;
        LocalSiteServer? server = null;
        try
        {
            server = LocalSiteServer.StartHttpsAsync(_context.Paths.SiteDir, ca.ServerCertificate).GetAwaiter().GetResult();
            var site = server.UrlFor(SiteLayout.OtaBase);
            _context.Log.Information("Serving {0} at {1} over HTTPS with the TEST CA '{2}' (127.0.0.1 only).",
                _context.Paths.Display(_context.Paths.SiteDir), site, TestCertificateAuthority.DefaultRootName);
            // The site publishes a delta patch from the oldest release unless the channel's deltaBaseCount leaves it out.
            bool delta = HasPatchFrom(oldest);
            string how = delta ? $" by the delta patch from {oldest.Version}" : "";
            var scenarios = new[]
            {
                new DemoScenario("update", $"Demo 1/3: a device running {oldest.Version} updates to {newest.Version} on {Channel}{how}; the new app confirms after its health check.",
                    SimulatedAppBehaviour.ConfirmsAfterHealthCheck, newest.Version.ToString(), ExpectConfirmed: true, ExpectDelta: delta),
                new DemoScenario("revert", $"Demo 2/3: the same update, but the new app never confirms: the loader reverts to {oldest.Version} after its trial boots.",
                    SimulatedAppBehaviour.NeverConfirms, oldest.Version.ToString(), ExpectConfirmed: false, ExpectDelta: delta),
                new DemoScenario("mirror", $"Demo 3/3: the same update through a mirror that answers 404 for the device's wrapped key once: the device retries on its next poll and updates.",
                    SimulatedAppBehaviour.ConfirmsAfterHealthCheck, newest.Version.ToString(), ExpectConfirmed: true, ExpectDelta: delta,
                    MirrorLosesKeyOnce: true, Polls: 3),
            };
            var outcomes = scenarios.Select(s => RunScenario(s, server, site, ca.RootCertificatePem, oldest, newest, Path.Combine(stateRoot, s.Name))).ToList();
            DemoSummary.Print(_context.Log, site, oldest, newest, outcomes, server.Requests.Count);
            var failed = outcomes.Select(o => (o.Scenario.Name, Why: o.Mismatch())).Where(o => o.Why is not null).ToList();
            if (failed.Count > 0)
            {
                throw new BuildException(BuildErrorCode.DemoFailed,
                    "The simulated device did not end as the demo expects: " + string.Join("; ", failed.Select(f => $"{f.Name}: {f.Why}")) + ".",
                    "Read the device's lines above for the step that failed; the site itself verified, so this is a defect in the device or the demo.");
            }
        }
        finally
        {
            server?.Dispose();
            ca.Dispose();
            Directory.Delete(stateRoot, recursive: true);
        }
    }

    private (Release Oldest, Release Newest) ChooseReleases()
    {
        var releases = _context.Releases.InChannel(Channel);
        var signed = _context.SignedChannels.FirstOrDefault(c => c.Channel == Channel);
        if (signed is null || releases.Length < 2 || releases[0] == signed.Release)
        {
            throw new BuildException(BuildErrorCode.DemoFailed, $"The Demo needs at least two releases on the '{Channel}' channel; releases/ has {releases.Length}.",
                "Regenerate the sample releases with ./build.sh --target=GenerateSamples, or add a release to the channel.");
        }
        return (releases[0], signed.Release);
    }

    private bool HasPatchFrom(Release baseRelease) =>
        _context.SignedChannels.First(c => c.Channel == Channel).Manifest.Release.Artifacts.Any(a => a.BaseVersion == baseRelease.Version.ToString());

    private TestCertificateAuthority LoadTestAuthority()
    {
        var folder = new DemoKeyStore(_context.Paths.DemoKeysDir).TestCertificateAuthorityDir;
        try
        {
            // LoadKeys made (or renewed) it and the DEMO root pins its root certificate.
            return TestCertificateAuthority.Load(folder);
        }
        catch (InvalidDataException e)
        {
            throw new BuildException(BuildErrorCode.DemoFailed, $"The TEST CA in {_context.Paths.Display(folder)} cannot be loaded: {e.Message}",
                "Delete that folder and run the Demo again: LoadKeys creates a new TEST CA and re-signs the DEMO root.", e);
        }
    }

    private DemoOutcome RunScenario(DemoScenario scenario, LocalSiteServer server, Uri site, string caPem, Release oldest, Release newest, string stateDir)
    {
        _context.Log.Information("");
        _context.Log.Information(scenario.Title);
        var settings = new SimulatorSettings
        {
            SiteUrl = site,
            ProvisionedCaPems = [caPem],
            StateDir = stateDir,
            Channel = Channel,
            ProvisionRoot = _context.Keys.Roots.Envelope(1),
            ProvisionImageFile = oldest.ImagePath,
            ProvisionSecurityVersion = oldest.SecurityVersion,
            DeviceKey = KeyFile.Read(Path.Combine(_context.Paths.DemoKeysDir, DemoKeyStore.DeviceKeyFile), "DEMO device key"),
            DeviceKeySource = _context.Paths.Display(Path.Combine(_context.Paths.DemoKeysDir, DemoKeyStore.DeviceKeyFile)),
            App = scenario.App,
            Polls = scenario.Polls,
            // The manifests were issued at the build's time (--now); the device's clock runs from there.
            Clock = SystemClock.StartingAt(_context.Now),
        };
        if (scenario.MirrorLosesKeyOnce)
        {
            string id = new RecipientKey(settings.DeviceKey).Id;
            server.Faults.NotFoundFor("/" + SiteLayout.OtaBase + "keys/" + newest.Version + "/" + id, responses: 1);
        }
        try
        {
            using var device = SimulatedDevice.Open(settings, line => _context.Log.Information("  " + line));
            return new DemoOutcome(scenario, device.Run());
        }
        catch (SimulatorException e)
        {
            throw new BuildException(BuildErrorCode.DemoFailed, $"The simulated device could not start: {e.Problem}", e.Remedy, e);
        }
        finally
        {
            Array.Clear(settings.DeviceKey);
        }
    }
}
