using System;
using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Crypto;

namespace SecureOta.Device.Core.Boot
{
    /// <summary>
    /// The device's boot state: which slot runs, which is on trial, what the device has accepted
    /// (highest manifest sequence, last issued time, installed security version, trusted root version),
    /// what each slot holds, where an interrupted download resumes, and which image last failed its trial. Stored power-safe by
    /// <see cref="BootStateStore"/> in the encoding of <see cref="BootStateCodec"/>. The phase changes only
    /// through <see cref="MoveTo"/>, which asks <see cref="PhaseTransitions"/>. Every array is allocated
    /// once; <see cref="CopyFrom"/> lets a caller keep a committed copy and a working copy without allocating.
    /// </summary>
    public sealed class BootState
    {
        private static readonly byte[] Zeros = new byte[DigestKeys.DigestSize];

        private readonly SlotImage _slotA = new SlotImage();
        private readonly SlotImage _slotB = new SlotImage();
        private readonly byte[] _resumeTarget = new byte[DigestKeys.DigestSize];
        private readonly RecordChainPosition _resumePosition = new RecordChainPosition();
        private readonly byte[] _rejectedImage = new byte[DigestKeys.DigestSize];
        private readonly byte[] _patchHead = new byte[DigestKeys.DigestSize];

        public BootState()
        {
            Phase = UpdatePhase.Idle;
            ActiveSlot = SlotId.A;
            Confirmed = true;
            TrustedRootVersion = 1;
        }

        /// <summary>Grows by one with every write, so the newer of the two stored copies can be told apart.</summary>
        public long WriteSequence { get; internal set; }

        public UpdatePhase Phase { get; private set; }

        /// <summary>The slot whose image is confirmed and runs when no trial is due.</summary>
        public SlotId ActiveSlot { get; internal set; }

        /// <summary>The slot on trial (TrialPending, Trial), else <see cref="SlotId.None"/>.</summary>
        public SlotId TrialSlot { get; internal set; }

        /// <summary>False from staging until the trial image confirms or is reverted: the last booted image may be unconfirmed.</summary>
        public bool Confirmed { get; internal set; }

        /// <summary>Boots of the trial slot so far; written before each one, so a crash loop still counts.</summary>
        public int BootAttempts { get; internal set; }

        /// <summary>Highest channel manifest sequence accepted (C7), 0 when none.</summary>
        public long HighestSequence { get; internal set; }

        /// <summary>issued of the last accepted manifest: the clock floor of docs/PROTOCOL.md section 9 "Time".</summary>
        public long LastIssued { get; internal set; }

        /// <summary>Security version of the confirmed image (C9's floor); raised only when a new image confirms.</summary>
        public long InstalledSecurityVersion { get; internal set; }

        /// <summary>Version N of the trusted root, stored as root.&lt;N&gt;.json.</summary>
        public long TrustedRootVersion { get; internal set; }

        /// <summary>The slot an interrupted download writes to, or <see cref="SlotId.None"/>.</summary>
        public SlotId ResumeSlot { get; internal set; }

        /// <summary>imageDigest of the release being downloaded (32 bytes); the resume point belongs to that image only.</summary>
        public byte[] ResumeTarget { get { return _resumeTarget; } }

        /// <summary>Where the download resumes: next record, its expected digest, chain block, image fold.</summary>
        public RecordChainPosition ResumePosition { get { return _resumePosition; } }

        /// <summary>
        /// head of the delta patch being applied (32 bytes, the patch artifact's identity), all zero when no
        /// patch resumes. When set, <see cref="ResumePosition"/> is the chain position of the patch's record
        /// holding the patcher's last saved segment boundary (its image fold zero), not a full download's.
        /// </summary>
        public byte[] PatchHead { get { return _patchHead; } }

        /// <summary>Patch offset (plain bytes of the patch) of the saved segment boundary; 0 when none.</summary>
        public int PatchOffset { get; internal set; }

        /// <summary>New-image position of the saved boundary (a multiple of 4096): the slot holds every byte before it.</summary>
        public int PatchNewPosition { get; internal set; }

        /// <summary>The new image's byte just before <see cref="PatchNewPosition"/> (0..255).</summary>
        public int PatchByteBefore { get; internal set; }

        /// <summary>True when a patch resume point is stored (<see cref="PatchHead"/> is not all zero).</summary>
        public bool HasPatchResume
        {
            get { return !ConstantTime.IsZero(_patchHead, 0, _patchHead.Length); }
        }

        /// <summary>Stores where the patch <paramref name="head"/> resumes; the caller sets <see cref="ResumePosition"/> to the boundary's record.</summary>
        public void SetPatchResume(byte[] head, int patchOffset, int newPosition, int byteBefore)
        {
            if (head == null) throw new ArgumentNullException("head");
            if (head.Length != DigestKeys.DigestSize) throw new ArgumentException("a patch head is 32 bytes", "head");
            if (patchOffset <= 0 || newPosition < 0 || byteBefore < 0 || byteBefore > 255) throw new ArgumentOutOfRangeException("patchOffset");
            Array.Copy(head, 0, _patchHead, 0, DigestKeys.DigestSize);
            PatchOffset = patchOffset;
            PatchNewPosition = newPosition;
            PatchByteBefore = byteBefore;
        }

        /// <summary>Forgets the patch resume point (the resume position then belongs to no patch).</summary>
        public void ClearPatchResume()
        {
            Array.Clear(_patchHead, 0, _patchHead.Length);
            PatchOffset = 0;
            PatchNewPosition = 0;
            PatchByteBefore = 0;
        }

        /// <summary>
        /// imageDigest of the last image reverted because it did not confirm within its trial boots (32 bytes,
        /// all zero when none). The update client never downloads that image again, whatever the manifest's
        /// sequence; only the next such revert replaces it.
        /// </summary>
        public byte[] RejectedImageDigest { get { return _rejectedImage; } }

        /// <summary>True when an image has been rejected (<see cref="RejectedImageDigest"/> is not all zero).</summary>
        public bool HasRejectedImage
        {
            get { return !ConstantTime.IsZero(_rejectedImage, 0, _rejectedImage.Length); }
        }

        /// <summary>True when <paramref name="imageDigest"/> (32 bytes) is the image that failed its trial on this device.</summary>
        public bool IsRejected(byte[] imageDigest)
        {
            if (imageDigest == null) throw new ArgumentNullException("imageDigest");
            if (imageDigest.Length != DigestKeys.DigestSize) throw new ArgumentException("an image digest is 32 bytes", "imageDigest");
            return HasRejectedImage && ConstantTime.AreEqual(_rejectedImage, 0, imageDigest, 0, DigestKeys.DigestSize);
        }

        /// <summary>Records the image that failed its trial (its 32-byte digest is copied), replacing any earlier one.</summary>
        public void RejectImage(byte[] imageDigest)
        {
            if (imageDigest == null) throw new ArgumentNullException("imageDigest");
            if (imageDigest.Length != DigestKeys.DigestSize) throw new ArgumentException("an image digest is 32 bytes", "imageDigest");
            Array.Copy(imageDigest, 0, _rejectedImage, 0, DigestKeys.DigestSize);
        }

        /// <summary>True while a verified release is being downloaded (Verified or Downloading).</summary>
        public bool IsDownloadPending
        {
            get { return Phase == UpdatePhase.Verified || Phase == UpdatePhase.Downloading; }
        }

        /// <summary>True while a staged image waits for or runs its trial boots.</summary>
        public bool IsTrialInProgress
        {
            get { return Phase == UpdatePhase.TrialPending || Phase == UpdatePhase.Trial; }
        }

        /// <summary>The slot updates are written to: the one that is not active.</summary>
        public SlotId InactiveSlot { get { return Other(ActiveSlot); } }

        /// <summary>What the boot state knows about a slot's image.</summary>
        public SlotImage Image(SlotId slot)
        {
            if (slot == SlotId.A) return _slotA;
            if (slot == SlotId.B) return _slotB;
            throw new ArgumentOutOfRangeException("slot");
        }

        /// <summary>Changes the phase if <see cref="PhaseTransitions.IsAllowed"/> says so; an illegal move is a bug and throws.</summary>
        public void MoveTo(UpdatePhase next)
        {
            if (!PhaseTransitions.IsAllowed(Phase, next))
                throw new InvalidOperationException("illegal update phase transition " + PhaseTransitions.Name(Phase) + " -> " + PhaseTransitions.Name(next));
            Phase = next;
        }

        /// <summary>Points the resume state at the start of a new target image in a slot.</summary>
        public void BeginDownload(SlotId slot, byte[] imageDigest, byte[] head, byte[] iv)
        {
            if (slot == SlotId.None) throw new ArgumentOutOfRangeException("slot");
            if (imageDigest == null) throw new ArgumentNullException("imageDigest");
            if (imageDigest.Length != DigestKeys.DigestSize) throw new ArgumentException("an image digest is 32 bytes", "imageDigest");
            if (head == null) throw new ArgumentNullException("head");
            if (iv == null) throw new ArgumentNullException("iv");
            ResumeSlot = slot;
            Array.Copy(imageDigest, 0, _resumeTarget, 0, DigestKeys.DigestSize);
            _resumePosition.Set(0, head, 0, iv, 0, Zeros, 0);
            ClearPatchResume();
        }

        /// <summary>Forgets any download in progress.</summary>
        public void ClearResume()
        {
            ResumeSlot = SlotId.None;
            Array.Clear(_resumeTarget, 0, _resumeTarget.Length);
            _resumePosition.Set(0, Zeros, 0, Zeros, 0, Zeros, 0);
            ClearPatchResume();
        }

        /// <summary>Copies every field of another state into this one without allocating.</summary>
        public void CopyFrom(BootState other)
        {
            if (other == null) throw new ArgumentNullException("other");
            WriteSequence = other.WriteSequence;
            Phase = other.Phase;
            ActiveSlot = other.ActiveSlot;
            TrialSlot = other.TrialSlot;
            Confirmed = other.Confirmed;
            BootAttempts = other.BootAttempts;
            HighestSequence = other.HighestSequence;
            LastIssued = other.LastIssued;
            InstalledSecurityVersion = other.InstalledSecurityVersion;
            TrustedRootVersion = other.TrustedRootVersion;
            _slotA.CopyFrom(other._slotA);
            _slotB.CopyFrom(other._slotB);
            ResumeSlot = other.ResumeSlot;
            Array.Copy(other._resumeTarget, 0, _resumeTarget, 0, DigestKeys.DigestSize);
            RecordChainPosition p = other._resumePosition;
            _resumePosition.Set(p.Index, p.ExpectedDigest, 0, p.ChainBlock, 0, p.ImageFold, 0);
            Array.Copy(other._rejectedImage, 0, _rejectedImage, 0, DigestKeys.DigestSize);
            Array.Copy(other._patchHead, 0, _patchHead, 0, DigestKeys.DigestSize);
            PatchOffset = other.PatchOffset;
            PatchNewPosition = other.PatchNewPosition;
            PatchByteBefore = other.PatchByteBefore;
        }

        /// <summary>The other slot of the pair.</summary>
        public static SlotId Other(SlotId slot)
        {
            if (slot == SlotId.A) return SlotId.B;
            if (slot == SlotId.B) return SlotId.A;
            throw new ArgumentOutOfRangeException("slot");
        }

        /// <summary>Sets the phase read from flash; only the codec calls this, after checking the value.</summary>
        internal void SetDecodedPhase(UpdatePhase phase)
        {
            Phase = phase;
        }
    }
}
