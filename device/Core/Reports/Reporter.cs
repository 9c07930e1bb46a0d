using System;
using System.IO;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Trust;
using SecureOta.Device.Core.Update;

namespace SecureOta.Device.Core.Reports
{
    /// <summary>
    /// The update client's side of reporting (docs/PROTOCOL.md section 11d): records trial-scheduled,
    /// release-rejected, verification-failed and download-failed from the poll, a heartbeat on the first
    /// poll of a boot and then once per <see cref="ReportOptions.HeartbeatIntervalSeconds"/> of uptime, and
    /// sends the queue after the poll's update work within its own deadline. Active only when the client has
    /// <see cref="UpdateClientOptions.Reports"/> and the trusted root names a collector; otherwise it does
    /// nothing, and a root without a collector turns the stored queue off. Nothing here throws into a poll:
    /// flash, network and transport failures end the reporting, never the update.
    /// Each operation loads the state, changes it and saves it, because the loader and the application
    /// (<see cref="ReportOutcomes"/>) write the same files between polls.
    /// </summary>
    public sealed class Reporter
    {
        private readonly IFileStore _files;
        private readonly IHmacSha256 _hmac;
        private readonly IClock _clock;
        private readonly RecipientKey _device;
        private readonly string _channel;
        private readonly ReportOptions _options;
        private ReportQueueStore _store;
        private ReportQueueState _state;
        private ReportSender _sender;
        private TrustedCollector _collector;
        private bool _rootWithoutCollector;
        private long _lastHeartbeat = -1;
        private string _lastFailure;
        private byte[] _learned;

        /// <param name="options">Null: the device never reports.</param>
        public Reporter(IFileStore files, IHmacSha256 hmac, IClock clock, RecipientKey device, string channel, ReportOptions options)
        {
            if (files == null) throw new ArgumentNullException("files");
            if (hmac == null) throw new ArgumentNullException("hmac");
            if (clock == null) throw new ArgumentNullException("clock");
            if (device == null) throw new ArgumentNullException("device");
            if (channel == null) throw new ArgumentNullException("channel");
            if (options != null) options.Validate();
            _files = files;
            _hmac = hmac;
            _clock = clock;
            _device = device;
            _channel = channel;
            _options = options;
        }

        /// <summary>True when reports are recorded and sent: a transport is configured and the trusted root names a collector.</summary>
        public bool IsActive { get { return _options != null && _collector != null; } }

        /// <summary>The trusted root was loaded or rotated: use its collector, or turn stored reporting off when it names none.</summary>
        public void UseRoot(TrustedRoot root)
        {
            if (root == null) throw new ArgumentNullException("root");
            _collector = _options == null ? null : root.Collector;
            _rootWithoutCollector = root.Collector == null;
        }

        /// <summary>A manifest verified: when its release is the image in the active slot, remember that slot's version name.</summary>
        public void Learn(BootState committed, ReleaseTarget release)
        {
            if (!IsActive) return;
            SlotImage active = committed.Image(committed.ActiveSlot);
            if (!active.IsPresent || !ConstantTime.AreEqual(active.Digest, 0, release.ImageDigest, 0, 32)) return;
            if (_learned != null && ConstantTime.AreEqual(_learned, 0, release.ImageDigest, 0, 32)) return;
            try
            {
                Load();
                if (_state.SetVersion(committed.ActiveSlot, release.ImageDigest, release.Version)) _store.Save(_state);
                _learned = release.ImageDigest;
            }
            catch (IOException e)
            {
                Log("the report state could not be written: " + e.Message);
            }
        }

        /// <summary>The release is staged in <paramref name="slot"/> for its trial boot: queue trial-scheduled (before the reboot).</summary>
        public void TrialScheduled(BootState committed, ReleaseTarget release, SlotId slot, string artifact)
        {
            if (!IsActive) return;
            try
            {
                Load();
                string running = Running(committed);
                _state.SetVersion(slot, release.ImageDigest, release.Version);
                _state.Add(new ReportEntry(ReportKind.TrialScheduled, release.Version, running, artifact, null, null, Uptime()));
                _store.Save(_state);
            }
            catch (IOException e)
            {
                Log("trial-scheduled could not be queued: " + e.Message);
            }
        }

        /// <summary>After a poll: queue what it ended with and a heartbeat when one is due, then send within the deadline. Never throws.</summary>
        public void AfterPoll(UpdateReport report, BootState committed)
        {
            if (_options == null) return;
            try
            {
                if (_collector == null)
                {
                    if (_rootWithoutCollector) TurnOff();
                    return;
                }
                Load();
                bool changed = RecordFailure(report, committed);
                if (RecordHeartbeat(committed)) changed = true;
                if (changed) _store.Save(_state);
                if (_sender == null) _sender = new ReportSender(_store, _hmac, _clock, _device, _channel, _options);
                _sender.Send(_state, _collector);
            }
            catch (IOException e)
            {
                Log("reporting stopped for this poll: the report state failed (" + e.Message + ")");
            }
            // A transport or clock that throws something unexpected must not end the poll loop either.
            catch (SystemException e)
            {
                Log("reporting stopped for this poll on an unexpected " + e.GetType().Name + ": " + e.Message);
            }
        }

        private bool RecordFailure(UpdateReport report, BootState committed)
        {
            UpdateFailure failure = report.Failure;
            if (failure == null) return false;
            ReportKind kind;
            switch (report.Result)
            {
                case UpdateResult.Rejected:
                    // P1-P6: the release is not approved; any other step: a document or key failed verification.
                    kind = failure.Step.Length > 0 && failure.Step[0] == 'P' ? ReportKind.ReleaseRejected : ReportKind.VerificationFailed;
                    break;
                case UpdateResult.ReleaseRejected:
                case UpdateResult.SlotTooSmall:
                case UpdateResult.NoKeyForDevice:
                    kind = ReportKind.ReleaseRejected;
                    break;
                case UpdateResult.TransportFailed:
                case UpdateResult.ServerError:
                case UpdateResult.StorageFailed:
                    // Without a verified manifest the site (and likely the collector) is just unreachable: nothing to report.
                    if (report.ReleaseVersion == null) return false;
                    kind = ReportKind.DownloadFailed;
                    break;
                default:
                    return false;
            }
            string version = report.ReleaseVersion == null ? ReportEntry.UnknownVersion : report.ReleaseVersion;
            // The same failure on every poll (a frozen site, a release this device cannot take) is reported once per boot.
            string signature = ReportKinds.Name(kind) + " " + version + " " + failure.Step;
            if (signature == _lastFailure) return false;
            _lastFailure = signature;
            _state.Add(new ReportEntry(kind, version, Running(committed), null, failure.Step, failure.Message, Uptime()));
            return true;
        }

        private bool RecordHeartbeat(BootState committed)
        {
            long now = _clock.MonotonicMilliseconds;
            if (_lastHeartbeat >= 0 && now - _lastHeartbeat < _options.HeartbeatIntervalSeconds * 1000L) return false;
            _lastHeartbeat = now;
            string running = Running(committed);
            string counts = null;
            if (_state.Dropped > 0 || _state.Refused > 0)
                counts = "dropped " + _state.Dropped + ", refused " + _state.Refused + " (last " + _state.LastRefusal + ")";
            _state.Add(new ReportEntry(ReportKind.Heartbeat, running, running, null, null, counts, Uptime()));
            return true;
        }

        /// <summary>A root without a collector: queued reports are dropped and the loader stops recording; the counter stays.</summary>
        private void TurnOff()
        {
            _rootWithoutCollector = false;
            if (_store == null) _store = new ReportQueueStore(_files, _hmac);
            if (!_store.Exists()) return;
            if (_state == null) _state = new ReportQueueState();
            _store.Load(_state);
            if (!_state.IsEnabled) return;
            _state.Disable();
            _store.Save(_state);
        }

        /// <summary>Loads the state and makes sure it is on for the current collector (its MAC key is derived when first sending).</summary>
        private void Load()
        {
            if (_store == null) _store = new ReportQueueStore(_files, _hmac);
            if (_state == null) _state = new ReportQueueState();
            _store.Load(_state);
            if (!ConstantTime.AreEqual(_state.CollectorKey, 0, _collector.Key, 0, 32)) _state.SetKeys(_collector.Key, new byte[32]);
        }

        private string Running(BootState committed)
        {
            SlotId active = committed.ActiveSlot;
            string version = _state.VersionIn(active, committed.Image(active).Digest);
            return version == null ? ReportEntry.UnknownVersion : version;
        }

        private long Uptime()
        {
            return _clock.MonotonicMilliseconds / 1000;
        }

        private void Log(string line)
        {
            if (_options != null && _options.Log != null) _options.Log(line);
        }
    }
}
