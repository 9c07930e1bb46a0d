using System;
using System.IO;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Core.Reports
{
    /// <summary>
    /// The loader's and the application's side of reporting: queues confirmed and reverted (docs/PROTOCOL.md
    /// section 11d.4) into the report state, for the update client to send after its next poll. It records
    /// only when the state is on (the update client turned it on for a root that names a collector), reads
    /// nothing else and allocates its buffers only then. A flash failure loses the report, never the boot.
    /// </summary>
    public sealed class ReportOutcomes
    {
        private readonly IFileStore _files;
        private readonly IHmacSha256 _hmac;
        private ReportQueueStore _store;
        private ReportQueueState _state;

        public ReportOutcomes(IFileStore files, IHmacSha256 hmac)
        {
            if (files == null) throw new ArgumentNullException("files");
            if (hmac == null) throw new ArgumentNullException("hmac");
            _files = files;
            _hmac = hmac;
        }

        /// <summary>The trial image in <paramref name="trial"/> confirmed (call after the confirmation is stored).</summary>
        public void Confirmed(SlotId trial, byte[] digest)
        {
            Record(ReportKind.Confirmed, trial, digest, trial, digest, null);
        }

        /// <summary>The trial image in <paramref name="trial"/> is being reverted to the image in <paramref name="active"/>; <paramref name="reason"/> says why.</summary>
        public void Reverted(SlotId trial, byte[] trialDigest, SlotId active, byte[] activeDigest, string reason)
        {
            Record(ReportKind.Reverted, trial, trialDigest, active, activeDigest, reason);
        }

        private void Record(ReportKind kind, SlotId slot, byte[] digest, SlotId running, byte[] runningDigest, string reason)
        {
            try
            {
                if (_store == null)
                {
                    // A device whose roots never named a collector has no report state: nothing is allocated or written.
                    if (!_files.Exists(ReportQueueStore.Copy0Name) && !_files.Exists(ReportQueueStore.Copy1Name)) return;
                    _store = new ReportQueueStore(_files, _hmac);
                    _state = new ReportQueueState();
                }
                if (!_store.Load(_state) || !_state.IsEnabled) return;
                string version = _state.VersionIn(slot, digest);
                string runningVersion = _state.VersionIn(running, runningDigest);
                _state.Add(new ReportEntry(kind, version, runningVersion, null, null, reason, -1));
                _store.Save(_state);
            }
            catch (IOException)
            {
                // The boot decision is what matters; the report is lost.
            }
        }
    }
}
