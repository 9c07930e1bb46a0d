using System;
using System.IO;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Core.Reports
{
    /// <summary>
    /// Keeps the report state power-safe as the boot state is kept: two copies, reports.0 and reports.1,
    /// written alternately (write number n goes to reports.(n mod 2), never the copy it supersedes), and the
    /// valid copy with the highest write sequence wins. So the counter a report is about to be sent with
    /// is on flash before the request leaves, and a power cut in any write leaves the previous state.
    /// With neither copy valid the state starts afresh (counter 0; section 11d.5 says what that costs).
    /// The buffer (about 4.6 KB) is allocated once, and only on a device whose root names a collector.
    /// </summary>
    public sealed class ReportQueueStore
    {
        public const string Copy0Name = "reports.0";
        public const string Copy1Name = "reports.1";

        private readonly IFileStore _files;
        private readonly IHmacSha256 _hmac;
        private readonly byte[] _buffer = new byte[ReportQueueCodec.EncodedSize + 1];
        private readonly byte[] _scratch = new byte[32];
        private ReportQueueState _candidate;

        public ReportQueueStore(IFileStore files, IHmacSha256 hmac)
        {
            if (files == null) throw new ArgumentNullException("files");
            if (hmac == null) throw new ArgumentNullException("hmac");
            _files = files;
            _hmac = hmac;
        }

        /// <summary>True when either copy exists (a device that never had a collector has none).</summary>
        public bool Exists()
        {
            return _files.Exists(Copy0Name) || _files.Exists(Copy1Name);
        }

        /// <summary>Loads the newest valid copy into <paramref name="target"/>; false (target reset) when there is none.</summary>
        public bool Load(ReportQueueState target)
        {
            if (target == null) throw new ArgumentNullException("target");
            bool found = TryRead(Copy0Name, target);
            if (_candidate == null) _candidate = new ReportQueueState();
            // Copy 1 wins when it is valid and newer; decoding it again into target is the cheap way to copy it.
            if (TryRead(Copy1Name, _candidate) && (!found || _candidate.WriteSequence > target.WriteSequence))
                found = TryRead(Copy1Name, target);
            // A decode that failed half-way may have left target partly filled.
            if (!found) target.Reset();
            return found;
        }

        /// <summary>Writes the state as write number WriteSequence + 1; on success the state holds that number. I/O failures throw.</summary>
        public void Save(ReportQueueState state)
        {
            if (state == null) throw new ArgumentNullException("state");
            long previous = state.WriteSequence;
            long sequence = previous + 1;
            state.WriteSequence = sequence;
            try
            {
                ReportQueueCodec.Encode(state, _hmac, _buffer);
                Stream stream = _files.OpenWrite(sequence % 2 == 0 ? Copy0Name : Copy1Name, false);
                try
                {
                    stream.Write(_buffer, 0, ReportQueueCodec.EncodedSize);
                    stream.Flush();
                }
                finally
                {
                    stream.Dispose();
                }
            }
            catch
            {
                state.WriteSequence = previous;
                throw;
            }
        }

        private bool TryRead(string name, ReportQueueState target)
        {
            try
            {
                if (_files.Length(name) != ReportQueueCodec.EncodedSize) return false;
                int count = FileReads.Fill(_files, name, _buffer);
                return ReportQueueCodec.TryDecode(_buffer, count, _hmac, _scratch, target);
            }
            catch (IOException)
            {
                return false;
            }
        }
    }
}
