using System;
using System.IO;
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
    /// At a segment boundary reached at least <see cref="UpdateClientOptions.SaveEveryRecords"/> records after
    /// the last save, the slot is flushed and then the boundary stored in the boot state (slot bytes before the
    /// state that claims them), so a power cut resumes the patch there on the next poll.
    /// </summary>
    internal sealed class RecordPatchSource : IPatchSource, ISegmentBoundaryHandler
    {
        private static readonly byte[] Zeros = new byte[32];

        private readonly RecordChainReader _reader;
        private readonly byte[] _probe = new byte[1];
        private UpdateSession _session;
        private IHttpResponse _response;
        private string _path;
        private int _offset;
        private int _available;
        private int _skip;

        // The chain positions before the record being read and before the one read just before it: the
        // patcher reads at most 128 bytes ahead, so its last segment boundary lies in one of the two.
        private RecordChainPosition _current = new RecordChainPosition();
        private RecordChainPosition _previous = new RecordChainPosition();
        private bool _hasCurrent;
        private bool _hasPrevious;
        private readonly RecordChainPosition _boundary = new RecordChainPosition();
        private Stream _output;
        private byte[] _patchHead;
        private int _sinceSave;

        /// <summary>True when the patcher reached a segment boundary whose record is known: <see cref="BoundaryRecord"/> and the rest describe it.</summary>
        internal bool HasBoundary { get; private set; }

        /// <summary>The chain position of the record holding the last boundary: a resumed download starts there.</summary>
        internal RecordChainPosition BoundaryRecord { get { return _boundary; } }

        /// <summary>Plain bytes of <see cref="BoundaryRecord"/>'s record before the boundary.</summary>
        internal int BoundarySkip { get; private set; }

        internal long BoundaryPatchOffset { get; private set; }

        internal int BoundaryNewPosition { get; private set; }

        internal int BoundaryByteBefore { get; private set; }

        internal RecordPatchSource(RecordChainReader reader)
        {
            _reader = reader;
        }

        /// <summary>True once every record was verified and every plain byte handed to the patcher.</summary>
        internal bool IsDrained { get { return _reader.IsComplete && _available == 0; } }

        /// <summary>
        /// Reads the artifact at <paramref name="path"/> from <paramref name="response"/>, which starts at the
        /// reader's record; the first <paramref name="skip"/> plain bytes of that record are not handed out.
        /// </summary>
        internal void Attach(UpdateSession session, IHttpResponse response, string path, int skip)
        {
            _session = session;
            _response = response;
            _path = path;
            _offset = 0;
            _available = 0;
            _skip = skip;
            _hasCurrent = false;
            _hasPrevious = false;
        }

        /// <summary>
        /// Saves boundaries of the patch <paramref name="patchHead"/> to the boot state, flushing
        /// <paramref name="output"/> (the slot) first; without this call boundaries stay in RAM.
        /// </summary>
        internal void SaveTo(Stream output, byte[] patchHead)
        {
            _output = output;
            _patchHead = patchHead;
            _sinceSave = 0;
        }

        /// <summary>Takes a boundary stored in the boot state as the last one, to resume from after a reset.</summary>
        internal void RestoreBoundary(BootState stored)
        {
            RecordChainPosition p = stored.ResumePosition;
            _boundary.Set(p.Index, p.ExpectedDigest, 0, p.ChainBlock, 0, Zeros, 0);
            BoundarySkip = stored.PatchOffset - p.Index * ArtifactLayout.ChunkSize;
            BoundaryPatchOffset = stored.PatchOffset;
            BoundaryNewPosition = stored.PatchNewPosition;
            BoundaryByteBefore = stored.PatchByteBefore;
            HasBoundary = true;
        }

        /// <summary>Forgets the last boundary: the next patch starts from record 0.</summary>
        internal void ForgetBoundary()
        {
            HasBoundary = false;
        }

        /// <summary>
        /// Keeps the chain position of the record holding the boundary: the patcher reads at most 128 bytes
        /// ahead, so it is the record being read or the one before it.
        /// </summary>
        public void SegmentStarts(long patchOffset, int newPosition, int byteBefore)
        {
            long index = patchOffset / ArtifactLayout.ChunkSize;
            RecordChainPosition found = null;
            if (_hasCurrent && _current.Index == index) found = _current;
            else if (_hasPrevious && _previous.Index == index) found = _previous;
            if (found == null) return;
            _boundary.Set(found.Index, found.ExpectedDigest, 0, found.ChainBlock, 0, found.ImageFold, 0);
            BoundarySkip = (int)(patchOffset - index * ArtifactLayout.ChunkSize);
            BoundaryPatchOffset = patchOffset;
            BoundaryNewPosition = newPosition;
            BoundaryByteBefore = byteBefore;
            HasBoundary = true;
            if (_output != null && _sinceSave >= _session.Options.SaveEveryRecords) Save();
        }

        /// <summary>The slot's bytes first, then the boot state that claims them.</summary>
        private void Save()
        {
            _output.Flush();
            BootState working = _session.Working;
            working.ResumePosition.Set(_boundary.Index, _boundary.ExpectedDigest, 0, _boundary.ChainBlock, 0, Zeros, 0);
            working.SetPatchResume(_patchHead, (int)BoundaryPatchOffset, BoundaryNewPosition, BoundaryByteBefore);
            _session.Commit();
            _sinceSave = 0;
        }

        internal void Detach()
        {
            _session = null;
            _response = null;
            _path = null;
            _available = 0;
            _output = null;
            _patchHead = null;
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
            RecordChainPosition spare = _previous;
            _previous = _current;
            _hasPrevious = _hasCurrent;
            _current = spare;
            _reader.SavePosition(_current);
            _hasCurrent = true;
            int got = DocumentReader.Fill(_response, _reader.Buffer, 0, length);
            if (got == length && index == _reader.RecordCount - 1 && DocumentReader.Fill(_response, _probe, 0, 1) > 0)
                throw new DeltaAbortedException("A1 " + _path + " is longer than its signed size; the server sends extra data");
            VerificationFailure failure;
            if (!_reader.TryProcessRecord(got, out failure))
                throw new DeltaAbortedException(failure.Step + " record " + index + " of " + _path + ": " + failure.Message);
            _offset = _skip;
            _available = _reader.PlainLength - _skip;
            _skip = 0;
            _session.Records++;
            _sinceSave++;
            _session.ArtifactBytes += length;
            _session.Report(UpdatePhase.Downloading, _reader.RecordIndex, _reader.RecordCount);
        }
    }
}
