using System;
using System.Text;
using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Core.Boot
{
    /// <summary>
    /// The fixed binary encoding of <see cref="BootState"/> (docs/PROTOCOL.md "Device boot state").
    /// Format 3, 356 bytes, integers unsigned big-endian:
    /// <code>
    /// offset size field
    ///   0     1   format, 0x03
    ///   1     8   write sequence (grows by one per write; the newest valid copy wins)
    ///   9     1   phase (UpdatePhase 1..9; ManifestFetched and Staged are never stored)
    ///  10     1   active slot (1 = A, 2 = B)
    ///  11     1   trial slot (0 = none, else not the active slot; set exactly in TrialPending and Trial)
    ///  12     1   confirmed (0 or 1)
    ///  13     1   boot attempts of the trial slot
    ///  14     8   highest accepted manifest sequence
    ///  22     8   issued of the last accepted manifest
    ///  30     8   installed security version
    ///  38     8   trusted root version (at least 1)
    ///  46    44   slot A image: length (4, 0 = none), security version (8), image digest (32)
    ///  90    44   slot B image: same layout
    /// 134     1   resume slot (0 = none, else not the active slot; set exactly in Verified and Downloading)
    /// 135    32   resume target: imageDigest of the release being downloaded
    /// 167    84   resume position (RecordChainPosition: index 4, expected digest 32, chain block 16, fold 32)
    /// 251    32   rejected image: imageDigest of the last image reverted after its trial boots (all zero = none)
    /// 283    32   patch head: head of the delta patch being applied (all zero = no patch resume)
    /// 315     4   patch offset of the saved segment boundary (its record is the resume position's index)
    /// 319     4   new-image position of the boundary (a multiple of 4096)
    /// 323     1   the new image's byte before that position
    /// 324    32   HMAC-SHA256 under the ASCII key "SecureOta/v1/boot-state" over bytes 0..323
    /// </code>
    /// With a patch head the resume position is the patch's record (fold zero) and a resume slot is set; without
    /// one the three patch fields are zero. Format 2 (315 bytes: bytes 0..282, HMAC at 283) and format 1
    /// (283 bytes: without the rejected image, HMAC at 251) were written earlier; they still decode, with no
    /// patch resume (and format 1 no rejected image), so a device updated in the field keeps its state (and its
    /// factory state, which is never rewritten). Every write is format 3. Every 8-byte number is at most
    /// 2^53 - 1. A copy whose size is not its format's, of any other format, with a wrong digest, an unknown
    /// enum value or fields that contradict each other decodes as invalid.
    /// </summary>
    public static class BootStateCodec
    {
        /// <summary>Bytes of one encoded state in the format written (<see cref="Format"/>); no readable copy is longer.</summary>
        public const int EncodedSize = 356;

        /// <summary>The format every write uses.</summary>
        public const byte Format = 0x03;

        /// <summary>Bytes of a format 2 copy, written before the patch resume was stored.</summary>
        public const int Format2EncodedSize = 315;

        /// <summary>The format before the patch resume: read (no patch resume then), never written.</summary>
        public const byte Format2 = 0x02;

        /// <summary>Bytes of a format 1 copy, written before the rejected image was stored.</summary>
        public const int LegacyEncodedSize = 283;

        /// <summary>The format before the rejected image: read (the rejected image then none), never written.</summary>
        public const byte LegacyFormat = 0x01;

        /// <summary>HMAC key of the state digest: a checksum that no torn or bit-rotted copy passes.</summary>
        public static readonly byte[] DigestKey = Encoding.UTF8.GetBytes("SecureOta/v1/boot-state");

        private const int SequenceOffset = 1;
        private const int PhaseOffset = 9;
        private const int ActiveOffset = 10;
        private const int TrialOffset = 11;
        private const int ConfirmedOffset = 12;
        private const int AttemptsOffset = 13;
        private const int HighestOffset = 14;
        private const int IssuedOffset = 22;
        private const int SecurityOffset = 30;
        private const int RootOffset = 38;
        private const int SlotAOffset = 46;
        private const int SlotBOffset = 90;
        private const int ResumeSlotOffset = 134;
        private const int ResumeTargetOffset = 135;
        private const int PositionOffset = 167;
        private const int RejectedOffset = 251;
        private const int PatchHeadOffset = 283;
        private const int PatchOffsetOffset = 315;
        private const int PatchPositionOffset = 319;
        private const int PatchByteOffset = 323;
        private const int DigestOffset = 324;
        private const int Format2DigestOffset = 283;
        private const int LegacyDigestOffset = 251;
        private const long MaxNumber = 9007199254740991;

        /// <summary>Writes the state into buffer[0, 356) in format 3 with its digest; <paramref name="scratch"/> is 32 bytes for the MAC.</summary>
        public static void Encode(BootState state, IHmacSha256 hmac, byte[] buffer, byte[] scratch)
        {
            if (state == null) throw new ArgumentNullException("state");
            if (hmac == null) throw new ArgumentNullException("hmac");
            if (buffer == null || buffer.Length < EncodedSize) throw new ArgumentException("the buffer holds 356 bytes", "buffer");
            if (scratch == null || scratch.Length < DigestKeys.DigestSize) throw new ArgumentException("the scratch holds 32 bytes", "scratch");
            if (state.Phase == UpdatePhase.ManifestFetched || state.Phase == UpdatePhase.Staged)
                throw new InvalidOperationException("phase " + PhaseTransitions.Name(state.Phase) + " is transient and never stored");
            if (state.BootAttempts < 0 || state.BootAttempts > 255) throw new InvalidOperationException("boot attempts out of range");

            buffer[0] = Format;
            WriteNumber(buffer, SequenceOffset, state.WriteSequence);
            buffer[PhaseOffset] = (byte)state.Phase;
            buffer[ActiveOffset] = (byte)state.ActiveSlot;
            buffer[TrialOffset] = (byte)state.TrialSlot;
            buffer[ConfirmedOffset] = state.Confirmed ? (byte)1 : (byte)0;
            buffer[AttemptsOffset] = (byte)state.BootAttempts;
            WriteNumber(buffer, HighestOffset, state.HighestSequence);
            WriteNumber(buffer, IssuedOffset, state.LastIssued);
            WriteNumber(buffer, SecurityOffset, state.InstalledSecurityVersion);
            WriteNumber(buffer, RootOffset, state.TrustedRootVersion);
            WriteSlot(buffer, SlotAOffset, state.Image(SlotId.A));
            WriteSlot(buffer, SlotBOffset, state.Image(SlotId.B));
            buffer[ResumeSlotOffset] = (byte)state.ResumeSlot;
            Array.Copy(state.ResumeTarget, 0, buffer, ResumeTargetOffset, DigestKeys.DigestSize);
            state.ResumePosition.WriteTo(buffer, PositionOffset);
            Array.Copy(state.RejectedImageDigest, 0, buffer, RejectedOffset, DigestKeys.DigestSize);
            Array.Copy(state.PatchHead, 0, buffer, PatchHeadOffset, DigestKeys.DigestSize);
            WriteLength(buffer, PatchOffsetOffset, state.PatchOffset);
            WriteLength(buffer, PatchPositionOffset, state.PatchNewPosition);
            buffer[PatchByteOffset] = (byte)state.PatchByteBefore;
            hmac.Compute(DigestKey, buffer, 0, DigestOffset, buffer, DigestOffset);
        }

        /// <summary>
        /// Decodes buffer[0, count) into <paramref name="target"/> when it is a valid copy; returns false
        /// (leaving target unchanged: every check runs before any field is set) otherwise. Never throws on any bytes.
        /// </summary>
        public static bool TryDecode(byte[] buffer, int count, IHmacSha256 hmac, byte[] scratch, BootState target)
        {
            if (buffer == null) throw new ArgumentNullException("buffer");
            if (hmac == null) throw new ArgumentNullException("hmac");
            if (target == null) throw new ArgumentNullException("target");
            if (scratch == null || scratch.Length < DigestKeys.DigestSize) throw new ArgumentException("the scratch holds 32 bytes", "scratch");
            if (count < 1 || buffer.Length < count) return false;
            int format = buffer[0];
            int digestOffset;
            if (count == EncodedSize && format == Format) digestOffset = DigestOffset;
            else if (count == Format2EncodedSize && format == Format2) digestOffset = Format2DigestOffset;
            else if (count == LegacyEncodedSize && format == LegacyFormat) digestOffset = LegacyDigestOffset;
            else return false;

            hmac.Compute(DigestKey, buffer, 0, digestOffset, scratch, 0);
            if (!ConstantTime.AreEqual(scratch, 0, buffer, digestOffset, DigestKeys.DigestSize)) return false;
            if (!CheckFields(buffer)) return false;
            if (format == Format && !CheckPatchResume(buffer)) return false;
            return Fill(buffer, format, target);
        }

        /// <summary>Every enum value known, every number in range, and the fields consistent with the phase.</summary>
        private static bool CheckFields(byte[] b)
        {
            int phase = b[PhaseOffset];
            if (!PhaseTransitions.IsDefined(phase)) return false;
            if (phase == (int)UpdatePhase.ManifestFetched || phase == (int)UpdatePhase.Staged) return false;
            int active = b[ActiveOffset];
            int trial = b[TrialOffset];
            int resume = b[ResumeSlotOffset];
            if (active != (int)SlotId.A && active != (int)SlotId.B) return false;
            if (trial > (int)SlotId.B || trial == active) return false;
            if (resume > (int)SlotId.B || resume == active) return false;
            if (b[ConfirmedOffset] > 1) return false;

            bool trialPhase = phase == (int)UpdatePhase.TrialPending || phase == (int)UpdatePhase.Trial;
            bool downloadPhase = phase == (int)UpdatePhase.Verified || phase == (int)UpdatePhase.Downloading;
            if (trialPhase != (trial != (int)SlotId.None)) return false;
            if (downloadPhase != (resume != (int)SlotId.None)) return false;

            if (!NumberInRange(b, SequenceOffset) || !NumberInRange(b, HighestOffset) || !NumberInRange(b, IssuedOffset) ||
                !NumberInRange(b, SecurityOffset) || !NumberInRange(b, RootOffset)) return false;
            if (ReadNumber(b, RootOffset) < 1) return false;
            if (!SlotInRange(b, SlotAOffset) || !SlotInRange(b, SlotBOffset)) return false;
            if (trialPhase && ReadLength(b, trial == (int)SlotId.A ? SlotAOffset : SlotBOffset) == 0) return false;
            // The position's record index is a signed 32-bit value on the reader's side: its top bit must be clear.
            return (b[PositionOffset] & 0x80) == 0;
        }

        /// <summary>
        /// No patch resume leaves the three patch fields zero; a patch resume needs a download in progress, a
        /// boundary after the patch header inside the resume position's record, a chunk-aligned new position
        /// and a zero image fold (a patch's chain has none).
        /// </summary>
        private static bool CheckPatchResume(byte[] b)
        {
            if ((b[PatchOffsetOffset] & 0x80) != 0 || (b[PatchPositionOffset] & 0x80) != 0) return false;
            long patchOffset = ReadLength(b, PatchOffsetOffset);
            long newPosition = ReadLength(b, PatchPositionOffset);
            if (ConstantTime.IsZero(b, PatchHeadOffset, DigestKeys.DigestSize))
                return patchOffset == 0 && newPosition == 0 && b[PatchByteOffset] == 0;
            if (b[ResumeSlotOffset] == (int)SlotId.None || patchOffset <= 0) return false;
            if (newPosition % 4096 != 0 || newPosition >= ArtifactLayout.MaxPlainSize) return false;
            long index = ReadLength(b, PositionOffset);
            if (patchOffset / ArtifactLayout.ChunkSize != index) return false;
            return ConstantTime.IsZero(b, PositionOffset + 52, DigestKeys.DigestSize);
        }

        /// <summary>Sets every field; bytes 0..250 mean the same in every format, 251..282 in formats 2 and 3; only format 3 has a patch resume.</summary>
        private static bool Fill(byte[] b, int format, BootState target)
        {
            target.WriteSequence = ReadNumber(b, SequenceOffset);
            target.SetDecodedPhase((UpdatePhase)b[PhaseOffset]);
            target.ActiveSlot = (SlotId)b[ActiveOffset];
            target.TrialSlot = (SlotId)b[TrialOffset];
            target.Confirmed = b[ConfirmedOffset] == 1;
            target.BootAttempts = b[AttemptsOffset];
            target.HighestSequence = ReadNumber(b, HighestOffset);
            target.LastIssued = ReadNumber(b, IssuedOffset);
            target.InstalledSecurityVersion = ReadNumber(b, SecurityOffset);
            target.TrustedRootVersion = ReadNumber(b, RootOffset);
            ReadSlot(b, SlotAOffset, target.Image(SlotId.A));
            ReadSlot(b, SlotBOffset, target.Image(SlotId.B));
            target.ResumeSlot = (SlotId)b[ResumeSlotOffset];
            Array.Copy(b, ResumeTargetOffset, target.ResumeTarget, 0, DigestKeys.DigestSize);
            int index = (b[PositionOffset] << 24) | (b[PositionOffset + 1] << 16) | (b[PositionOffset + 2] << 8) | b[PositionOffset + 3];
            target.ResumePosition.Set(index, b, PositionOffset + 4, b, PositionOffset + 36, b, PositionOffset + 52);
            if (format == LegacyFormat) Array.Clear(target.RejectedImageDigest, 0, DigestKeys.DigestSize);
            else Array.Copy(b, RejectedOffset, target.RejectedImageDigest, 0, DigestKeys.DigestSize);
            if (format == Format && !ConstantTime.IsZero(b, PatchHeadOffset, DigestKeys.DigestSize))
            {
                Array.Copy(b, PatchHeadOffset, target.PatchHead, 0, DigestKeys.DigestSize);
                target.PatchOffset = (int)ReadLength(b, PatchOffsetOffset);
                target.PatchNewPosition = (int)ReadLength(b, PatchPositionOffset);
                target.PatchByteBefore = b[PatchByteOffset];
            }
            else target.ClearPatchResume();
            return true;
        }

        private static void WriteSlot(byte[] b, int offset, SlotImage image)
        {
            long length = image.Length;
            b[offset] = (byte)(length >> 24);
            b[offset + 1] = (byte)(length >> 16);
            b[offset + 2] = (byte)(length >> 8);
            b[offset + 3] = (byte)length;
            WriteNumber(b, offset + 4, image.SecurityVersion);
            Array.Copy(image.Digest, 0, b, offset + 12, DigestKeys.DigestSize);
        }

        private static void WriteLength(byte[] b, int offset, int value)
        {
            b[offset] = (byte)(value >> 24);
            b[offset + 1] = (byte)(value >> 16);
            b[offset + 2] = (byte)(value >> 8);
            b[offset + 3] = (byte)value;
        }

        private static bool SlotInRange(byte[] b, int offset)
        {
            return ReadLength(b, offset) <= ArtifactLayout.MaxPlainSize && NumberInRange(b, offset + 4);
        }

        private static void ReadSlot(byte[] b, int offset, SlotImage image)
        {
            image.SetDecoded(ReadLength(b, offset), ReadNumber(b, offset + 4), b, offset + 12);
        }

        private static long ReadLength(byte[] b, int offset)
        {
            return ((long)b[offset] << 24) | ((long)b[offset + 1] << 16) | ((long)b[offset + 2] << 8) | b[offset + 3];
        }

        private static void WriteNumber(byte[] b, int offset, long value)
        {
            if (value < 0 || value > MaxNumber) throw new InvalidOperationException("a stored number is outside 0..2^53-1");
            for (int i = 7; i >= 0; i--)
            {
                b[offset + i] = (byte)value;
                value >>= 8;
            }
        }

        private static bool NumberInRange(byte[] b, int offset)
        {
            // At most 2^53 - 1: the top 11 bits of the 64 are zero.
            return b[offset] == 0 && (b[offset + 1] & 0xE0) == 0;
        }

        private static long ReadNumber(byte[] b, int offset)
        {
            long value = 0;
            for (int i = 0; i < 8; i++) value = (value << 8) | b[offset + i];
            return value;
        }
    }
}
