using System;
using System.IO;
using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Core.Update
{
    /// <summary>
    /// Streams the full artifact into the inactive slot record by record (steps A1-A5 of
    /// docs/PROTOCOL.md section 9): each record is verified before it is decrypted and before any of it
    /// is written. The resume point is stored every <see cref="UpdateClientOptions.SaveEveryRecords"/>
    /// records, always after the bytes it covers are flushed. A resumed download asks for
    /// "Range: bytes=4128*i-"; a 200 to that is the whole artifact again, so the slot is erased and the
    /// download restarts at record 0 (never appended). Bytes the slot already holds past the stored
    /// point (written before a reset) are not written twice; the final read-back of the whole slot
    /// against the signed image digest proves them. All buffers are allocated once: a record costs no
    /// allocation.
    /// </summary>
    internal sealed class ArtifactDownloader
    {
        private readonly RecordChainReader _reader;
        private readonly SlotImageVerifier _verifier;
        private readonly SlotImage _expected = new SlotImage();
        private readonly byte[] _probe = new byte[1];

        private UpdateSession _session;
        private ISlotStore _slots;
        private SlotId _slot;
        private ReleaseTarget _release;
        private byte[] _contentKey;
        private Stream _out;
        private long _written;
        private int _sinceSave;
        private string _dropMessage;

        /// <param name="reader">The record reader, shared with the delta installer (one is used at a time).</param>
        /// <param name="verifier">The slot read-back; it may borrow the reader's buffer, which is free after the last record.</param>
        internal ArtifactDownloader(RecordChainReader reader, SlotImageVerifier verifier)
        {
            _reader = reader;
            _verifier = verifier;
        }

        /// <summary>
        /// Downloads the release's full artifact into session.Working.ResumeSlot from its resume point.
        /// True once the slot holds the signed image (read back and checked); false with a failure, the
        /// progress so far stored.
        /// </summary>
        internal bool TryDownload(UpdateSession session, ReleaseTarget release, byte[] contentKey, out UpdateFailure failure)
        {
            _session = session;
            _slots = session.Platform.Slots;
            _release = release;
            _contentKey = contentKey;
            _slot = session.Working.ResumeSlot;
            _sinceSave = 0;
            failure = null;
            try
            {
                Start();
                int resumes = 0;
                while (true)
                {
                    DownloadStep step = Transfer(out failure);
                    if (step == DownloadStep.Completed) break;
                    SaveProgress();
                    if (step == DownloadStep.Failed) return false;
                    resumes++;
                    if (resumes > session.Options.MaxResumes)
                    {
                        failure = new UpdateFailure(UpdateResult.TransportFailed, "NET", "the download of " + release.FullArtifact.Path +
                            " dropped " + resumes + " times (last: " + _dropMessage + "); it resumes from record " + _reader.RecordIndex +
                            " on the next poll.", null);
                        return false;
                    }
                }
                return Finish(out failure);
            }
            finally
            {
                if (_out != null) _out.Dispose();
                _out = null;
                _reader.Clear();
                _session = null;
                _release = null;
                _contentKey = null;
            }
        }

        /// <summary>
        /// Starts from the stored point, or from record 0 when the point does not fit this artifact, the slot
        /// lost bytes, or the point is a patch's (a delta's resume is nothing to resume for the full image).
        /// </summary>
        private void Start()
        {
            BootState working = _session.Working;
            ManifestArtifact artifact = _release.FullArtifact;
            int index = working.ResumePosition.Index;
            if (working.HasPatchResume || index >= ArtifactLayout.RecordCount(artifact.PlainSize) ||
                _slots.Length(_slot) < (long)index * ArtifactLayout.ChunkSize)
                working.BeginDownload(_slot, _release.ImageDigest, artifact.Head, artifact.Iv);
            _reader.Start(artifact.PlainSize, _release.ImageDigest, _contentKey, working.ResumePosition);
            OpenSlot();
        }

        private void OpenSlot()
        {
            if (_out != null) _out.Dispose();
            _out = null;
            if (_reader.RecordIndex == 0)
            {
                _written = 0;
                _out = _slots.OpenWrite(_slot, 0);
            }
            else
            {
                _written = _slots.Length(_slot);
                _out = _slots.OpenWrite(_slot, _written);
            }
        }

        /// <summary>One GET (Range from the next record when resuming) and as many records as it delivers.</summary>
        private DownloadStep Transfer(out UpdateFailure failure)
        {
            failure = null;
            string path = _release.FullArtifact.Path;
            long offset = _reader.ArtifactOffset;
            IHttpResponse response;
            try
            {
                response = _session.Platform.Transport.Get(path, offset > 0 ? offset : -1, null);
            }
            catch (TransportException e)
            {
                _dropMessage = e.Message;
                return DownloadStep.Dropped;
            }
            _session.Requests++;
            try
            {
                if (!CheckAnswer(response, path, offset, out failure)) return DownloadStep.Failed;
                while (!_reader.IsComplete)
                {
                    if (!ReadRecord(response, out failure)) return DownloadStep.Failed;
                }
                return DownloadStep.Completed;
            }
            catch (TransportException e)
            {
                _dropMessage = e.Message;
                return DownloadStep.Dropped;
            }
            finally
            {
                response.Dispose();
            }
        }

        /// <summary>A1: 200 for a download from 0; 206 with the asked start for a resume; a 200 to a resume restarts at record 0.</summary>
        private bool CheckAnswer(IHttpResponse response, string path, long offset, out UpdateFailure failure)
        {
            failure = null;
            int status = response.StatusCode;
            if (status != HttpFailures.Ok && status != HttpFailures.PartialContent)
            {
                failure = HttpFailures.Unexpected(path, status);
                return false;
            }
            if (offset == 0)
            {
                if (status == HttpFailures.Ok) return true;
                failure = HttpFailures.WrongAnswer(path, "206 Partial Content to a request without Range");
                return false;
            }
            if (status == HttpFailures.Ok)
            {
                // The server ignored Range and sends the artifact from byte 0: start over, never append.
                BootState working = _session.Working;
                working.BeginDownload(_slot, _release.ImageDigest, _release.FullArtifact.Head, _release.FullArtifact.Iv);
                _reader.Start(_release.FullArtifact.PlainSize, _release.ImageDigest, _contentKey, working.ResumePosition);
                _sinceSave = 0;
                OpenSlot();
                return true;
            }
            if (response.ContentRangeStart == offset) return true;
            failure = HttpFailures.WrongAnswer(path, "206 starting at byte " + response.ContentRangeStart + " where " + offset + " was asked for");
            return false;
        }

        /// <summary>Reads, verifies (A2, A5), decrypts (A3) and writes (A4) the next record.</summary>
        private bool ReadRecord(IHttpResponse response, out UpdateFailure failure)
        {
            failure = null;
            int length = _reader.RecordLength;
            int got = DocumentReader.Fill(response, _reader.Buffer, 0, length);
            bool last = _reader.RecordIndex == _reader.RecordCount - 1;
            if (got == length && last && DocumentReader.Fill(response, _probe, 0, 1) > 0)
            {
                // A1: nothing may follow the last record; refuse before any of it is written.
                failure = UpdateFailure.FromVerification(new VerificationFailure(VerificationError.TooLarge, "A1",
                    _release.FullArtifact.Path + " is longer than its signed size of " + _release.FullArtifact.Size +
                    " bytes; the server is sending extra data. Its last record was not written."));
                return false;
            }
            VerificationFailure verification;
            if (!_reader.TryProcessRecord(got, out verification))
            {
                failure = UpdateFailure.FromVerification(verification);
                return false;
            }
            WritePlain();
            _session.Records++;
            _session.ArtifactBytes += length;
            _session.Report(UpdatePhase.Downloading, _reader.RecordIndex, _reader.RecordCount);
            if (_reader.IsComplete) return true;
            _reader.SavePosition(_session.Working.ResumePosition);
            _sinceSave++;
            if (_sinceSave >= _session.Options.SaveEveryRecords) SaveProgress();
            return true;
        }

        /// <summary>A4: writes the record's plain bytes, skipping what the slot already holds from before a reset.</summary>
        private void WritePlain()
        {
            long start = _reader.PlainOffset;
            long end = start + _reader.PlainLength;
            if (end <= _written) return;
            if (start > _written) throw new InvalidOperationException("slot write would leave a gap at " + _written);
            int skip = (int)(_written - start);
            _out.Write(_reader.Buffer, skip, _reader.PlainLength - skip);
            _written = end;
        }

        /// <summary>Stores the resume point, after flushing the bytes it covers; nothing when no record completed since the last save.</summary>
        private void SaveProgress()
        {
            if (_sinceSave == 0) return;
            _out.Flush();
            _session.Commit();
            _sinceSave = 0;
        }

        /// <summary>A5 (length, image digest), then the slot is read back and must hold exactly the signed image.</summary>
        private bool Finish(out UpdateFailure failure)
        {
            failure = null;
            _out.Flush();
            _out.Dispose();
            _out = null;
            VerificationFailure verification;
            if (!_reader.TryFinish(out verification))
            {
                failure = UpdateFailure.FromVerification(verification);
                return false;
            }
            _expected.Set(_release.ImageSize, _release.SecurityVersion, _release.ImageDigest);
            string problem;
            if (_verifier.TryVerify(_slots, _slot, _expected, out problem)) return true;

            // The records verified but the flash does not hold them: erase and start over on the next poll.
            _slots.Erase(_slot);
            _session.Working.BeginDownload(_slot, _release.ImageDigest, _release.FullArtifact.Head, _release.FullArtifact.Iv);
            _session.Commit();
            failure = new UpdateFailure(UpdateResult.StorageFailed, "SLOT", "after writing, " + problem +
                "; the slot was erased and the next poll downloads it again. Check the flash if this repeats.", null);
            return false;
        }
    }
}
