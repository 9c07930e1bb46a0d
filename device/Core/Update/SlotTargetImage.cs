using System;
using System.IO;
using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Boot;
using SecureOta.Device.Core.Crypto;
using SecureOta.Device.Core.Delta;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Core.Update
{
    /// <summary>
    /// Where the patcher writes the new image: the inactive slot, written sequentially, with every chunk
    /// (the patcher writes the image digest's 4096-byte chunks) folded into an image digest as it goes, so
    /// the output is checked against the signed imageDigest before the slot can be staged. A patch that
    /// would write past the signed image size is stopped before it fills the flash. Allocated once.
    /// Matches read earlier bytes back from the slot through a second, read-only stream. A file system such
    /// as LittleFS gives each open stream a snapshot of the file, so that stream is (re)opened, after a flush,
    /// only when a read needs bytes written since it was opened: one native read per piece otherwise.
    /// </summary>
    internal sealed class SlotTargetImage : ITargetImage
    {
        private readonly ImageDigestBuilder _fold;
        private readonly byte[] _digest = new byte[DigestKeys.DigestSize];
        private Stream _stream;
        private long _limit;
        private long _held;
        private ISlotStore _slots;
        private SlotId _slot;
        private Stream _reader;
        private long _readable;

        internal SlotTargetImage(IHmacSha256 hmac)
        {
            _fold = new ImageDigestBuilder(hmac);
        }

        /// <summary>Bytes written since <see cref="Attach"/>.</summary>
        internal long Length { get; private set; }

        /// <summary>Writes to <paramref name="stream"/> (<paramref name="slot"/> of <paramref name="slots"/>, opened at 0), at most <paramref name="limit"/> bytes.</summary>
        internal void Attach(Stream stream, long limit, ISlotStore slots, SlotId slot)
        {
            AttachSlot(slots, slot);
            _stream = stream;
            _limit = limit;
            Length = 0;
            _held = 0;
            IsResumed = false;
            _fold.Reset();
        }

        /// <summary>
        /// Continues an image at new position <paramref name="position"/> into <paramref name="stream"/>, opened
        /// at the end of the slot's <paramref name="held"/> bytes (at least <paramref name="position"/>): bytes
        /// the slot already holds are not written twice. The fold misses the bytes before the position, so
        /// <see cref="Matches"/> then checks the length only and the caller's read-back checks the digest.
        /// </summary>
        internal void AttachAt(Stream stream, long limit, long position, long held, ISlotStore slots, SlotId slot)
        {
            AttachSlot(slots, slot);
            _stream = stream;
            _limit = limit;
            Length = position;
            _held = held;
            IsResumed = true;
            _fold.Reset();
        }

        /// <summary>True when the image was continued from a resume point: only a read-back proves its digest.</summary>
        internal bool IsResumed { get; private set; }

        internal void Detach()
        {
            _stream = null;
            if (_reader != null) _reader.Dispose();
            _reader = null;
            _slots = null;
        }

        private void AttachSlot(ISlotStore slots, SlotId slot)
        {
            if (slots == null) throw new ArgumentNullException("slots");
            if (_reader != null) _reader.Dispose();
            _reader = null;
            _readable = 0;
            _slots = slots;
            _slot = slot;
        }

        public void Read(int position, byte[] buffer, int offset, int count)
        {
            if (position < 0 || count < 0 || position > Length - count)
                throw new ArgumentOutOfRangeException("position", "only bytes already written to the slot can be read back");
            if (position + count > _readable)
            {
                // The open reader (if any) predates these bytes: flush them and open the slot again.
                _stream.Flush();
                if (_reader != null) _reader.Dispose();
                _reader = _slots.OpenRead(_slot);
                _readable = Length > _held ? Length : _held;
            }
            _reader.Seek(position, SeekOrigin.Begin);
            while (count > 0)
            {
                int read = _reader.Read(buffer, offset, count);
                if (read <= 0) throw new IOException("the slot ended before the " + Length + " bytes written to it");
                offset += read;
                count -= read;
            }
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            if (count > _limit - Length)
                throw new DeltaAbortedException("the patch writes more than the release's " + _limit + "-byte image; it was not made for this release");
            if (!IsResumed) _fold.AddChunk(buffer, offset, count);
            long end = Length + count;
            if (end > _held)
            {
                int skip = Length < _held ? (int)(_held - Length) : 0;
                _stream.Write(buffer, offset + skip, count - skip);
            }
            Length = end;
        }

        /// <summary>True when exactly <paramref name="size"/> bytes were written and their image digest is <paramref name="imageDigest"/>.</summary>
        internal bool Matches(int size, byte[] imageDigest)
        {
            if (imageDigest == null) throw new ArgumentNullException("imageDigest");
            if (Length != size) return false;
            if (IsResumed) return true;
            _fold.CopyDigest(_digest, 0);
            return ConstantTime.AreEqual(_digest, 0, imageDigest, 0, DigestKeys.DigestSize);
        }
    }
}
