using System;
using System.IO;
using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Core.Boot
{
    /// <summary>
    /// Keeps the boot state power-safe in two copies, state.0 and state.1, written alternately: write
    /// number n goes to state.(n mod 2), which is never the copy it replaces as newest, so a power cut
    /// in the middle of a write leaves the previous state intact. Loading takes the valid copy with the
    /// highest write sequence; a torn or corrupt copy fails its digest and is ignored. When neither copy
    /// is valid the state is the write-once state.factory written at provisioning, never "no state".
    /// Buffers are allocated once; a load or a save allocates nothing in the core.
    /// </summary>
    /// <remarks>
    /// Load, change and save within one operation: two components that each hold a loaded state and
    /// both save would overwrite each other's change (never corrupt the store).
    /// </remarks>
    public sealed class BootStateStore
    {
        public const string Copy0Name = "state.0";
        public const string Copy1Name = "state.1";
        public const string FactoryName = "state.factory";

        private readonly IFileStore _files;
        private readonly IHmacSha256 _hmac;
        private readonly byte[] _buffer = new byte[BootStateCodec.EncodedSize + 1];
        private readonly byte[] _scratch = new byte[DigestKeys.DigestSize];
        private readonly BootState _candidate = new BootState();

        public BootStateStore(IFileStore files, IHmacSha256 hmac)
        {
            if (files == null) throw new ArgumentNullException("files");
            if (hmac == null) throw new ArgumentNullException("hmac");
            _files = files;
            _hmac = hmac;
        }

        /// <summary>
        /// Loads the newest valid copy into <paramref name="target"/>, else the factory state; returns
        /// where it came from, or <see cref="BootStateSource.None"/> (target unchanged) when the device
        /// is not provisioned. A file that cannot be read counts as invalid.
        /// </summary>
        public BootStateSource Load(BootState target)
        {
            if (target == null) throw new ArgumentNullException("target");
            BootStateSource source = BootStateSource.None;
            if (TryRead(Copy0Name, target)) source = BootStateSource.Copy0;
            if (TryRead(Copy1Name, _candidate) && (source == BootStateSource.None || _candidate.WriteSequence > target.WriteSequence))
            {
                target.CopyFrom(_candidate);
                source = BootStateSource.Copy1;
            }
            if (source != BootStateSource.None) return source;
            if (!TryRead(FactoryName, _candidate)) return BootStateSource.None;
            target.CopyFrom(_candidate);
            return BootStateSource.Factory;
        }

        /// <summary>
        /// Writes the state as write number WriteSequence + 1 into the copy that is not the newest, and
        /// on success sets state.WriteSequence to it. Storage failures propagate (IOException).
        /// </summary>
        public void Save(BootState state)
        {
            if (state == null) throw new ArgumentNullException("state");
            long sequence = state.WriteSequence + 1;
            long previous = state.WriteSequence;
            state.WriteSequence = sequence;
            try
            {
                BootStateCodec.Encode(state, _hmac, _buffer, _scratch);
            }
            finally
            {
                state.WriteSequence = previous;
            }
            Write(sequence % 2 == 0 ? Copy0Name : Copy1Name);
            state.WriteSequence = sequence;
        }

        /// <summary>
        /// Writes the provisioned factory state once (write sequence 0). Returns false, writing nothing,
        /// when a factory state already exists: it is the device's last resort and is never replaced.
        /// </summary>
        public bool WriteFactory(BootState state)
        {
            if (state == null) throw new ArgumentNullException("state");
            if (_files.Exists(FactoryName)) return false;
            long previous = state.WriteSequence;
            state.WriteSequence = 0;
            try
            {
                BootStateCodec.Encode(state, _hmac, _buffer, _scratch);
            }
            finally
            {
                state.WriteSequence = previous;
            }
            Write(FactoryName);
            state.WriteSequence = 0;
            return true;
        }

        private void Write(string name)
        {
            Stream stream = _files.OpenWrite(name, false);
            try
            {
                stream.Write(_buffer, 0, BootStateCodec.EncodedSize);
                stream.Flush();
            }
            finally
            {
                stream.Dispose();
            }
        }

        private bool TryRead(string name, BootState target)
        {
            try
            {
                long length = _files.Length(name);
                // The current format's size, format 2's (before the patch resume) or format 1's (before the rejected image).
                if (length != BootStateCodec.EncodedSize && length != BootStateCodec.Format2EncodedSize &&
                    length != BootStateCodec.LegacyEncodedSize) return false;
                // Reads one byte more than a state holds, so a file that grew is invalid too.
                int count = FileReads.Fill(_files, name, _buffer);
                return BootStateCodec.TryDecode(_buffer, count, _hmac, _scratch, target);
            }
            catch (IOException)
            {
                return false;
            }
        }
    }
}
