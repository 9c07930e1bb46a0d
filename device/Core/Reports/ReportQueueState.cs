using System;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Crypto;

namespace SecureOta.Device.Core.Reports
{
    /// <summary>
    /// The device's report state in RAM (docs/PROTOCOL.md section 11d.5): the bounded queue of reports not
    /// yet accepted, the last counter used, the collector key the stored MAC key belongs to, the version
    /// names of the images in the two slots, and the counts of dropped and refused reports.
    /// <see cref="ReportQueueStore"/> keeps it on flash, <see cref="ReportQueueCodec"/> encodes it.
    /// </summary>
    public sealed class ReportQueueState
    {
        /// <summary>Reports the queue holds; a 17th drops one (<see cref="Add"/>).</summary>
        public const int Capacity = 16;

        private readonly ReportEntry[] _entries = new ReportEntry[Capacity];
        private readonly byte[] _collectorKey = new byte[32];
        private readonly byte[] _macKey = new byte[32];
        private readonly byte[][] _slotDigests = new byte[][] { new byte[32], new byte[32] };
        private readonly string[] _slotVersions = new string[2];
        private int _count;

        /// <summary>Grows by one with every write; the newest valid copy wins.</summary>
        public long WriteSequence { get; set; }

        /// <summary>The last counter a report was sent with (0: none yet). Only grows; stored before each send.</summary>
        public long Counter { get; set; }

        /// <summary>Outcomes dropped because the queue was full of outcomes.</summary>
        public long Dropped { get; set; }

        /// <summary>Reports the collector refused (400, 401, 413, 415, 422 or another 4xx) and that were dropped.</summary>
        public long Refused { get; set; }

        /// <summary>The HTTP status of the last refusal, 0 for none.</summary>
        public int LastRefusal { get; set; }

        /// <summary>The collector key the stored MAC key was derived for; all zero when reporting is off.</summary>
        public byte[] CollectorKey { get { return _collectorKey; } }

        /// <summary>The stored MAC key (section 11d.1), valid only with <see cref="CollectorKey"/>.</summary>
        public byte[] MacKey { get { return _macKey; } }

        /// <summary>True when a collector key is set: the loader records outcomes only then.</summary>
        public bool IsEnabled { get { return !ConstantTime.IsZero(_collectorKey, 0, _collectorKey.Length); } }

        public int Count { get { return _count; } }

        public ReportEntry Get(int index)
        {
            if (index < 0 || index >= _count) throw new ArgumentOutOfRangeException("index");
            return _entries[index];
        }

        /// <summary>
        /// Queues a report. A heartbeat replaces a queued heartbeat. When the queue is full the oldest
        /// heartbeat goes first; a new heartbeat is not queued when only outcomes are; a new outcome then
        /// drops the oldest outcome, which <see cref="Dropped"/> counts.
        /// </summary>
        public void Add(ReportEntry entry)
        {
            if (entry == null) throw new ArgumentNullException("entry");
            if (!entry.IsOutcome)
            {
                int queued = OldestHeartbeat();
                if (queued >= 0) RemoveAt(queued);
            }
            if (_count == Capacity)
            {
                int heartbeat = OldestHeartbeat();
                if (heartbeat >= 0) RemoveAt(heartbeat);
                else if (!entry.IsOutcome) return;
                else
                {
                    RemoveAt(0);
                    Dropped = Dropped + 1;
                }
            }
            _entries[_count] = entry;
            _count++;
        }

        /// <summary>Drops the oldest report (sent, or refused).</summary>
        public void RemoveFirst()
        {
            if (_count > 0) RemoveAt(0);
        }

        /// <summary>Drops every queued report and the collector key (reporting off); the counter and counts stay.</summary>
        public void Disable()
        {
            for (int i = 0; i < _count; i++) _entries[i] = null;
            _count = 0;
            Array.Clear(_collectorKey, 0, _collectorKey.Length);
            Array.Clear(_macKey, 0, _macKey.Length);
        }

        /// <summary>Sets the collector key and its MAC key (both 32 bytes, copied).</summary>
        public void SetKeys(byte[] collectorKey, byte[] macKey)
        {
            Array.Copy(collectorKey, 0, _collectorKey, 0, 32);
            Array.Copy(macKey, 0, _macKey, 0, 32);
        }

        /// <summary>The version name of the image with <paramref name="digest"/> in <paramref name="slot"/>, or null when not known.</summary>
        public string VersionIn(SlotId slot, byte[] digest)
        {
            int index = SlotIndex(slot);
            if (index < 0 || digest == null || _slotVersions[index] == null) return null;
            return ConstantTime.AreEqual(_slotDigests[index], 0, digest, 0, 32) ? _slotVersions[index] : null;
        }

        /// <summary>Remembers the version name of the image in a slot; false when it was already known.</summary>
        public bool SetVersion(SlotId slot, byte[] digest, string version)
        {
            int index = SlotIndex(slot);
            if (index < 0 || digest == null || digest.Length != 32) return false;
            string clean = ReportText.Clean(version, ReportEntry.MaxVersionLength, null);
            if (clean == null || clean == VersionIn(slot, digest)) return false;
            Array.Copy(digest, 0, _slotDigests[index], 0, 32);
            _slotVersions[index] = clean;
            return true;
        }

        /// <summary>The stored digest of a slot's known version (for the codec).</summary>
        internal byte[] SlotDigest(int index)
        {
            return _slotDigests[index];
        }

        /// <summary>The stored version of a slot, or null (for the codec).</summary>
        internal string SlotVersion(int index)
        {
            return _slotVersions[index];
        }

        internal void SetSlot(int index, byte[] digest, string version)
        {
            Array.Copy(digest, 0, _slotDigests[index], 0, 32);
            _slotVersions[index] = version;
        }

        /// <summary>Back to a fresh state: no report, counter 0, reporting off.</summary>
        public void Reset()
        {
            Disable();
            WriteSequence = 0;
            Counter = 0;
            Dropped = 0;
            Refused = 0;
            LastRefusal = 0;
            for (int i = 0; i < 2; i++)
            {
                Array.Clear(_slotDigests[i], 0, 32);
                _slotVersions[i] = null;
            }
        }

        private int OldestHeartbeat()
        {
            for (int i = 0; i < _count; i++)
            {
                if (!_entries[i].IsOutcome) return i;
            }
            return -1;
        }

        private void RemoveAt(int index)
        {
            for (int i = index; i < _count - 1; i++) _entries[i] = _entries[i + 1];
            _count--;
            _entries[_count] = null;
        }

        private static int SlotIndex(SlotId slot)
        {
            if (slot == SlotId.A) return 0;
            if (slot == SlotId.B) return 1;
            return -1;
        }
    }
}
