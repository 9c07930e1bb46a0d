using System.Diagnostics;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Core.Reports;
using SecureOta.Device.Core.Trust;
using SecureOta.Device.Core.Update;
using SecureOta.Device.Host;
using SecureOta.Device.Host.Http;
using SecureOta.Device.Host.Storage;

namespace SecureOta.Device.Simulation;

/// <summary>
/// A SecureOta device on this machine. Its flash drive is a folder (boot state, slots, trusted roots,
/// device key); its loader is the core's <see cref="BootManager"/>; its application is a
/// <see cref="SimulatedApp"/>; it polls through the core's <see cref="UpdateClient"/> over
/// <see cref="SimulatorTransport"/> (pinned HTTPS). A reboot starts a new boot with fresh RAM: a new
/// update client and the provisioned pins. Every step is said as one line through the output callback.
/// </summary>
public sealed class SimulatedDevice : IDisposable
{
    /// <summary>A run stops when the device boots this often without settling (a defect or a site that never stops scheduling trials).</summary>
    public const int MaxBootsPerRun = 256;

    private readonly SimulatorSettings _settings;
    private readonly Action<string> _say;
    private readonly DirectoryFileStore _files;
    private readonly FileSlotStore _slots;
    private readonly DotNetHmacSha256 _hmac = new();
    private readonly DotNetAes128 _aes = new();
    private readonly SimulatorTransport _transport;
    private readonly PinnedReportTransport _reports;
    private readonly SimulatedRebooter _rebooter = new();
    private readonly BootManager _boot;
    private readonly SimulatedApp _app;
    private readonly DevicePlatform _platform;
    private readonly RecipientKey _key;
    private string? _pinsLine;

    private SimulatedDevice(SimulatorSettings settings, Action<string> say)
    {
        _settings = settings;
        _say = say;
        _files = new DirectoryFileStore(settings.StateDir);
        _slots = new FileSlotStore(_files, settings.SlotCapacity);
        _transport = new SimulatorTransport(settings.SiteUrl, settings.ProvisionedCaPems, settings.TransportOptions, settings.ExtraCaPems);
        // Reports go to the collector the trusted root names, if any, pinned to its own CAs (and --extra-ca for a local TEST CA).
        _reports = new PinnedReportTransport(settings.ExtraCaPems);
        try
        {
            // Provisioned first (on the bench), then the key made at first boot, as on a real device.
            DeviceProvisioning.EnsureProvisioned(settings, _files, _hmac, _slots, say);
            _key = DeviceIdentity.Load(settings, _files, _hmac, say);
        }
        catch
        {
            Dispose();
            throw;
        }
        _boot = new BootManager(_files, _hmac, _slots, settings.MaxTrialBoots);
        _app = new SimulatedApp(settings.App, _boot, say);
        _platform = new DevicePlatform(_transport, _files, _slots, _hmac, _aes, settings.Clock ?? new SystemClock(), _rebooter);
    }

    /// <summary>The device's recipient id (hex), the name of its wrapped key files.</summary>
    public string RecipientId => _key.Id;

    /// <summary>The device's network, with its traffic counters.</summary>
    public SimulatorTransport Transport => _transport;

    /// <summary>The device's report transport to the collector its root names (POSTs made so far).</summary>
    public PinnedReportTransport Reports => _reports;

    /// <summary>
    /// Opens the device in <see cref="SimulatorSettings.StateDir"/>: loads or makes its key and provisions it on
    /// first use. Throws <see cref="SimulatorException"/> for unusable inputs or an unusable state folder.
    /// </summary>
    public static SimulatedDevice Open(SimulatorSettings settings, Action<string> say)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(say);
        try
        {
            return new SimulatedDevice(settings, say);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SimulatorException(SimulatorError.StateFolderFailed, $"The state folder {settings.StateDir} cannot be used: {e.Message}",
                "Give a --state-dir this user can create and write.", e);
        }
    }

    /// <summary>
    /// Boots and polls until the run's end (<see cref="SimulatorSettings.Polls"/> polls, or until a poll needs
    /// no reboot), rebooting whenever the update client or the watchdog asks.
    /// </summary>
    public SimulationResult Run()
    {
        var watch = Stopwatch.StartNew();
        long requests = _transport.Requests, bytes = _transport.BytesReceived;
        var run = new RunCounters();
        string? problem = null;
        try
        {
            problem = RunBoots(run);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"the state folder failed: {e.Message}";
        }
        if (problem is not null) _say("stopped: " + problem);
        return new SimulationResult(run.Boots, run.Polls, _transport.Requests - requests, _transport.BytesReceived - bytes, watch.Elapsed,
            run.Last, run.TrialBoots, run.Confirmed, run.Reverted, ReadStatus(), problem, run.Installed);
    }

    /// <summary>The device's stored state now.</summary>
    public DeviceStatus ReadStatus()
    {
        var state = new BootState();
        if (new BootStateStore(_files, _hmac).Load(state) == BootStateSource.None)
            return new DeviceStatus(state.Phase, SlotId.None, null, 0, 0, 0);
        var active = state.Image(state.ActiveSlot);
        return new DeviceStatus(state.Phase, state.ActiveSlot, active.IsPresent ? InstalledApp.Read(_slots, state.ActiveSlot, active) : null,
            state.InstalledSecurityVersion, state.HighestSequence, state.TrustedRootVersion);
    }

    public void Dispose()
    {
        _transport.Dispose();
        _reports.Dispose();
        _aes.Dispose();
    }

    private string? RunBoots(RunCounters run)
    {
        while (true)
        {
            if (run.Boots == MaxBootsPerRun) return $"the device booted {MaxBootsPerRun} times without settling.";
            run.Boots++;
            _rebooter.Clear();
            _transport.ResetToProvisioned();
            var decision = _boot.Boot();
            if (decision.Outcome == BootOutcome.NotProvisioned) return decision.Problem;
            if (!RunApp(run, decision))
            {
                _say("reboot: watchdog reset");
                continue;
            }

            var client = NewClient();
            bool polledThisBoot = false;
            while (!IsDone(run))
            {
                if (polledThisBoot && _settings.PollInterval > TimeSpan.Zero) Thread.Sleep(_settings.PollInterval);
                polledThisBoot = true;
                Poll(run, client);
                if (run.LastRebooted)
                {
                    _say("reboot: requested by the update client");
                    break;
                }
            }
            if (IsDone(run)) return null;
        }
    }

    /// <summary>Says what booted and runs the app; false when the watchdog resets the device.</summary>
    private bool RunApp(RunCounters run, BootDecision decision)
    {
        string boot = $"boot {run.Boots}: ";
        if (!decision.ShouldRun)
        {
            _say(boot + "no bootable image: " + decision.Problem);
            _say("app: nothing runs; the loader keeps polling for an update");
            return true;
        }
        var app = InstalledApp.Read(_slots, decision.Slot, _boot.State.Image(decision.Slot));
        switch (decision.Outcome)
        {
            case BootOutcome.RunTrial:
                run.TrialBoots++;
                _say($"{boot}slot {decision.Slot} on trial (boot {_boot.State.BootAttempts} of {_boot.MaxTrialBoots}): {app}");
                break;
            case BootOutcome.RunReverted:
                run.Reverted = true;
                _say($"{boot}reverted: {decision.Problem} Running slot {decision.Slot}: {app}");
                break;
            default:
                _say($"{boot}slot {decision.Slot}, confirmed: {app}" + (decision.Problem is null ? "" : " (" + decision.Problem + ")"));
                break;
        }
        bool keepsRunning = _app.Run(decision, app, out bool confirmed);
        run.Confirmed |= confirmed;
        return keepsRunning;
    }

    private UpdateClient NewClient()
    {
        var progress = new ProgressPrinter(_say);
        var options = new UpdateClientOptions(_settings.Channel, [_key])
        {
            Progress = progress.OnProgress,
            ArtifactChosen = progress.OnArtifactChosen,
            RootChanged = OnRootChanged,
            Reports = new ReportOptions(_reports) { Log = line => _say("  report: " + line) },
        };
        return new UpdateClient(_platform, options);
    }

    private void OnRootChanged(TrustedRoot root)
    {
        string line = _transport.UseRootAnchors(root);
        if (line == _pinsLine) return;
        _pinsLine = line;
        _say("  " + line);
    }

    private void Poll(RunCounters run, UpdateClient client)
    {
        run.Polls++;
        long requests = _transport.Requests, bytes = _transport.BytesReceived;
        _say($"poll {run.Polls}: GET channels/{_settings.Channel}.json" + (client.ETag is null ? "" : $" (If-None-Match {client.ETag})"));
        var report = client.Poll();
        run.Last = report;
        if (report.Result == UpdateResult.TrialScheduled) run.Installed = report;
        run.LastRebooted = _rebooter.Requested;
        _say($"poll {run.Polls}: {Describe(report)} [{_transport.Requests - requests} request(s), {_transport.BytesReceived - bytes} bytes]");
    }

    private static string Describe(UpdateReport report)
    {
        string release = report.ReleaseVersion is null ? "" : $"release {report.ReleaseVersion} (sequence {report.Sequence})";
        return report.Result switch
        {
            UpdateResult.UpToDate => release.Length == 0 ? "up to date (304 Not Modified)" : "up to date: " + release + " is already accepted",
            UpdateResult.TrialScheduled => $"{release} installed ({report.RecordsDownloaded} records{HowInstalled(report)}) and scheduled for a trial boot",
            UpdateResult.AwaitingConfirmation => "a trial image awaits its confirmation; nothing fetched",
            UpdateResult.NotInRollout => release + " is outside this device's staged rollout",
            _ => UpdateReport.ResultName(report.Result) + ": " + report.Failure!.Step + " " + report.Failure.Message,
        };
    }

    /// <summary>", by delta from 1.0.0: 15,360 bytes instead of the 320,432-byte full image, 305,072 saved", or the full image's size.</summary>
    private static string HowInstalled(UpdateReport report) => report.InstalledByDelta
        ? FormattableString.Invariant($", by delta from {report.DeltaBaseVersion}: {report.ArtifactBytes:N0} bytes instead of the {report.FullImageBytes:N0}-byte full image, {report.BytesSaved:N0} saved")
        : FormattableString.Invariant($", the full image: {report.ArtifactBytes:N0} bytes") + (report.DeltaProblem is null ? "" : " after the patch failed");

    private bool IsDone(RunCounters run) =>
        _settings.Polls is int polls ? run.Polls >= polls : run.Last is not null && !run.LastRebooted;
}
