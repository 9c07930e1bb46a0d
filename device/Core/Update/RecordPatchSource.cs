using System;
using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Delta;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Core.Update
{
    /// <summary>
    /// The patch as the patcher pulls it: the plain bytes of the delta artifact's records, each record
    /// read from the response, checked against the signed chain (A1, A2, A5) and decrypted (A3) only when
    /// the patcher has used every byte of the previous one, so it never sees an unauthenticated byte and
    /// the patch is never stored. A record that fails throws <see cref="DeltaAbortedException"/>, a dropped
    /// connection the transport's exception; both pass through the patcher. Copies with Array.Copy only.
    /// </summary>
    internal sealed class RecordPatchSource : IPatchSource
    {
        private readonly RecordChainReader _reader;
        private readonly byte[] _probe = new byte[1];
        private UpdateSession _session;
        private IHttpResponse _response;
        private string _path;
        private int _offset;
        private int _available;

        internal RecordPatchSource(RecordChainReader reader)
        {
            _reader = reader;
        }

        /// <summary>True once every record was verified and every plain byte handed to the patcher.</summary>
        internal bool IsDrained { get { return _reader.IsComplete && _available == 0; } }

        /// <summary>Reads the artifact at <paramref name="path"/> from <paramref name="response"/>; the reader must be started.</summary>
        internal void Attach(UpdateSession session, IHttpResponse response, string path)
        {
            _session = session;
            _response = response;
            _path = path;
            _offset = 0;
            _available = 0;
        }

        internal void Detach()
        {
            _session = null;
            _response = null;
            _path = null;
            _available = 0;
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            if (_available == 0)
            {
                if (_reader.IsComplete) return 0;
                NextRecord();
            }
            int n = count < _available ? count : _available;
            Array.Copy(_reader.Buffer, _offset, buffer, offset, n);
            _offset += n;
            _available -= n;
            return n;
        }

        private void NextRecord()
        {
            int length = _reader.RecordLength;
            int index = _reader.RecordIndex;
            int got = DocumentReader.Fill(_response, _reader.Buffer, 0, length);
            if (got == length && index == _reader.RecordCount - 1 && DocumentReader.Fill(_response, _probe, 0, 1) > 0)
                throw new DeltaAbortedException("A1 " + _path + " is longer than its signed size; the server sends extra data");
            VerificationFailure failure;
            if (!_reader.TryProcessRecord(got, out failure))
                throw new DeltaAbortedException(failure.Step + " record " + index + " of " + _path + ": " + failure.Message);
            _offset = 0;
            _available = _reader.PlainLength;
            _session.Records++;
            _session.ArtifactBytes += length;
            _session.Report(UpdatePhase.Downloading, _reader.RecordIndex, _reader.RecordCount);
        }
    }
}
