using System;
using System.IO;
using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Core.Delta;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Core.Update
{
    /// <summary>
    /// Builds the release image in the inactive slot from a delta patch (docs/PROTOCOL.md section 11a):
    /// the patch artifact is streamed record by record, each verified against the signed chain before it
    /// is decrypted (<see cref="RecordPatchSource"/>); the patcher reads the running image from the active
    /// slot at random offsets and writes the new image sequentially into the inactive slot
    /// (<see cref="SlotTargetImage"/>), whose length and image digest must then be the release's, and the
    /// slot must read back as that image. A dropped connection (up to <see cref="UpdateClientOptions.MaxResumes"/>
    /// times) resumes the patch at the patcher's last segment boundary, with a Range request from the record
    /// holding it, when that record's chain position is known and the slot holds the bytes before the
    /// boundary; else it restarts from record 0. Every <see cref="UpdateClientOptions.SaveEveryRecords"/>
    /// records a boundary is also stored in the boot state (<see cref="RecordPatchSource"/>), so after a power
    /// cut the next poll resumes there when the patch, the release and the slot are still the same. Any other
    /// failure erases the slot, and the caller downloads the full image. The active slot is only read.
    /// Buffers are allocated once.
    /// </summary>
    internal sealed class DeltaInstaller
    {
        private static readonly byte[] Zeros = new byte[DigestKeys.DigestSize];

        // Made at the first delta a poll tries, then kept: its model's constructor costs about 60,000 IL
        // instructions, which a boot (issue 9: at most 100,000 before the first poll) should not pay for a
        // patch it may never apply.
        private DeltaPatcher _patcher;
        private readonly RecordChainReader _reader;
        private readonly RecordPatchSource _source;
        private readonly SlotTargetImage _target;
        private readonly SlotImageVerifier _verifier;
        private readonly SlotImage _expected = new SlotImage();
        private readonly RecordChainPosition _start = new RecordChainPosition();
        private bool _resuming;
        private readonly byte[] _failedHead = new byte[DigestKeys.DigestSize];
        private bool _hasFailed;

        /// <param name="hmac">The native HMAC, for the output's image digest.</param>
        /// <param name="reader">The record reader, shared with the full download (one is used at a time).</param>
        /// <param name="verifier">The slot read-back, shared with the full download.</param>
        internal DeltaInstaller(IHmacSha256 hmac, RecordChainReader reader, SlotImageVerifier verifier)
        {
            _reader = reader;
            _source = new RecordPatchSource(reader);
            _target = new SlotTargetImage(hmac);
            _verifier = verifier;
        }

        /// <summary>
        /// The delta worth trying for <paramref name="release"/>, or null for the full image: the patch whose
        /// baseDigest is the running image's recorded digest (constant time), when no full download is part
        /// way (its resume point is kept), the patch is smaller than the full artifact, and this very patch
        /// has not failed since the client started (a bad patch costs one download per boot, not per poll).
        /// A stored patch resume point is kept only for that very patch, release image and slot; any other
        /// is dropped (the download starts over from record 0, fail closed).
        /// </summary>
        internal ManifestArtifact Choose(UpdateSession session, ReleaseTarget release)
        {
            BootState working = session.Working;
            if (release.DeltaCount == 0) return null;
            bool patchResume = working.HasPatchResume;
            if (!patchResume && working.ResumePosition.Index != 0) return null;
            SlotImage running = working.Image(working.ActiveSlot);
            if (!running.IsPresent) return null;
            ManifestArtifact delta = release.FindDelta(running.Digest);
            if (delta == null || delta.Size >= release.FullArtifact.Size) return null;
            if (_hasFailed && ConstantTime.AreEqual(_failedHead, delta.Head)) return null;
            if (patchResume && !IsStoredResumeFor(working, release, delta)) StartOver(working, release);
            return delta;
        }

        /// <summary>The stored patch resume belongs to this patch, this release's image in the inactive slot, and lies inside both.</summary>
        private static bool IsStoredResumeFor(BootState working, ReleaseTarget release, ManifestArtifact delta)
        {
            return ConstantTime.AreEqual(working.PatchHead, 0, delta.Head, 0, DigestKeys.DigestSize) &&
                ConstantTime.AreEqual(working.ResumeTarget, 0, release.ImageDigest, 0, DigestKeys.DigestSize) &&
                working.ResumeSlot == working.InactiveSlot &&
                working.PatchNewPosition < release.ImageSize &&
                working.ResumePosition.Index < ArtifactLayout.RecordCount(delta.PlainSize);
        }

        /// <summary>Drops any resume point: record 0 of the full artifact, no patch boundary.</summary>
        private static void StartOver(BootState working, ReleaseTarget release)
        {
            working.BeginDownload(working.ResumeSlot, release.ImageDigest, release.FullArtifact.Head, release.FullArtifact.Iv);
        }

        /// <summary>
        /// Builds <paramref name="release"/>'s image in session.Working.ResumeSlot from <paramref name="delta"/>,
        /// whose base is the image in the active slot. True once the slot holds the signed image (written,
        /// digested and read back). False with the reason in <paramref name="problem"/>; the slot is then erased.
        /// Storage failures (IOException) pass to the caller.
        /// </summary>
        internal bool TryInstall(UpdateSession session, ReleaseTarget release, ManifestArtifact delta, byte[] contentKey, out string problem)
        {
            problem = null;
            int drops = 0;
            DownloadStep step;
            _resuming = false;
            _source.ForgetBoundary();
            if (session.Working.HasPatchResume)
            {
                // Chosen only when the stored boundary is this patch's: continue there after a reset.
                _source.RestoreBoundary(session.Working);
                if (_patcher != null) _patcher.NewSize = 0;
                _resuming = true;
            }
            while (true)
            {
                step = TryOnce(session, release, delta, contentKey, out problem);
                if (step == DownloadStep.Completed) return true;
                if (step == DownloadStep.Failed || drops >= session.Options.MaxResumes) break;
                drops++;
                // Resume from the patcher's last segment boundary when its record is known; else from record 0.
                _resuming = _source.HasBoundary && _source.BoundaryPatchOffset > 0;
            }
            _resuming = false;
            if (step == DownloadStep.Failed)
            {
                // The same bytes would fail again; a network that dropped may do better on the next poll.
                Array.Copy(delta.Head, 0, _failedHead, 0, DigestKeys.DigestSize);
                _hasFailed = true;
            }
            session.Platform.Slots.Erase(session.Working.ResumeSlot);
            StartOver(session.Working, release);
            return false;
        }

        private DownloadStep TryOnce(UpdateSession session, ReleaseTarget release, ManifestArtifact delta, byte[] contentKey, out string problem)
        {
            problem = null;
            ISlotStore slots = session.Platform.Slots;
            BootState working = session.Working;
            SlotId slot = working.ResumeSlot;
            SlotImage running = working.Image(working.ActiveSlot);
            RecordChainPosition resume = _source.BoundaryRecord;
            if (_resuming && slots.Length(slot) < _source.BoundaryNewPosition) _resuming = false;
            // From record 0 a stored boundary no longer describes the slot: the position goes back to the start.
            if (!_resuming && working.HasPatchResume) StartOver(working, release);
            long rangeStart = _resuming ? (long)ArtifactLayout.RecordSize * resume.Index : 0;
            IHttpResponse response;
            try
            {
                response = session.Platform.Transport.Get(delta.Path, rangeStart > 0 ? rangeStart : -1, null);
            }
            catch (TransportException e)
            {
                problem = "GET " + delta.Path + " failed: " + e.Message;
                return DownloadStep.Dropped;
            }
            session.Requests++;
            Stream baseStream = null;
            Stream output = null;
            try
            {
                // A 200 to a resumed request is the whole patch again: it restarts from record 0.
                if (rangeStart > 0 && response.StatusCode == HttpFailures.Ok)
                {
                    _resuming = false;
                    if (working.HasPatchResume) StartOver(working, release);
                }
                else if (rangeStart > 0 && (response.StatusCode != HttpFailures.PartialContent || response.ContentRangeStart != rangeStart))
                {
                    problem = "GET " + delta.Path + " from byte " + rangeStart + " answered " + response.StatusCode + " starting at " + response.ContentRangeStart;
                    return DownloadStep.Failed;
                }
                else if (rangeStart == 0 && response.StatusCode != HttpFailures.Ok)
                {
                    problem = "GET " + delta.Path + " answered " + response.StatusCode;
                    return DownloadStep.Failed;
                }
                if (_resuming) _start.Set(resume.Index, resume.ExpectedDigest, 0, resume.ChainBlock, 0, Zeros, 0);
                else _start.Set(0, delta.Head, 0, delta.Iv, 0, Zeros, 0);
                _reader.StartWithoutImageDigest(delta.PlainSize, contentKey, _start);
                int skip = _resuming ? _source.BoundarySkip : 0;
                int newPosition = _source.BoundaryNewPosition;
                long patchOffset = _source.BoundaryPatchOffset;
                int byteBefore = _source.BoundaryByteBefore;
                if (!_resuming) _source.ForgetBoundary();
                _source.Attach(session, response, delta.Path, skip);
                baseStream = slots.OpenRead(working.ActiveSlot);
                if (!baseStream.CanSeek)
                {
                    problem = "the active slot cannot be read at random offsets, which a patch needs";
                    return DownloadStep.Failed;
                }
                PatchFailure patchFailure;
                if (_patcher == null) _patcher = new DeltaPatcher();
                _patcher.Boundaries = _source;
                StreamBaseImage baseImage = new StreamBaseImage(baseStream, (int)running.Length);
                bool applied;
                if (_resuming)
                {
                    long held = slots.Length(slot);
                    output = slots.OpenWrite(slot, held);
                    _target.AttachAt(output, release.ImageSize, newPosition, held, slots, slot);
                    _source.SaveTo(output, delta.Head);
                    int newSize = _patcher.NewSize > 0 ? _patcher.NewSize : release.ImageSize;
                    applied = _patcher.TryResume(_source, baseImage, _target, newSize, patchOffset, newPosition, byteBefore, out patchFailure);
                }
                else
                {
                    output = slots.OpenWrite(slot, 0);
                    _target.Attach(output, release.ImageSize, slots, slot);
                    _source.SaveTo(output, delta.Head);
                    applied = _patcher.TryApply(_source, baseImage, _target, out patchFailure);
                }
                if (!applied)
                {
                    problem = "the patcher refused the patch (" + patchFailure + ")";
                    return DownloadStep.Failed;
                }
                if (!Finish(release, out problem)) return DownloadStep.Failed;
                output.Flush();
                output.Dispose();
                output = null;
                _expected.Set(release.ImageSize, release.SecurityVersion, release.ImageDigest);
                string readBack;
                if (_verifier.TryVerify(slots, slot, _expected, out readBack)) return DownloadStep.Completed;
                problem = "after writing, " + readBack;
                return DownloadStep.Failed;
            }
            catch (DeltaAbortedException e)
            {
                problem = e.Message;
                return DownloadStep.Failed;
            }
            catch (TransportException e)
            {
                problem = "the download of " + delta.Path + " dropped: " + e.Message;
                return DownloadStep.Dropped;
            }
            finally
            {
                _source.Detach();
                _target.Detach();
                _reader.Clear();
                if (output != null) output.Dispose();
                if (baseStream != null) baseStream.Dispose();
                response.Dispose();
            }
        }

        /// <summary>A5 for the patch (chain end, every record used, plain length), then the output against the release.</summary>
        private bool Finish(ReleaseTarget release, out string problem)
        {
            problem = null;
            VerificationFailure failure;
            if (!_source.IsDrained)
            {
                problem = "the patch ended before its last record";
                return false;
            }
            if (!_reader.TryFinish(out failure))
            {
                problem = failure.Step + " " + failure.Message;
                return false;
            }
            if (_target.Matches(release.ImageSize, release.ImageDigest)) return true;
            problem = "the patched image (" + _target.Length + " bytes) does not have the signed length " + release.ImageSize +
                " and image digest; the patch is damaged or the running image is not its base";
            return false;
        }
    }
}
