using System;
using System.IO;
using SecureOta.Device.Core.Artifacts;
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
    /// </summary>
    internal sealed class SlotTargetImage : ITargetImage
    {
        private readonly ImageDigestBuilder _fold;
        private readonly byte[] _digest = new byte[DigestKeys.DigestSize];
        private Stream _stream;
        private long _limit;
        private long _held;

        internal SlotTargetImage(IHmacSha256 hmac)
        {
            _fold = new ImageDigestBuilder(hmac);
        }

        /// <summary>Bytes written since <see cref="Attach"/>.</summary>
        internal long Length { get; private set; }

        /// <summary>Writes to <paramref name="stream"/> (the slot, opened at 0), at most <paramref name="limit"/> bytes.</summary>
        internal void Attach(Stream stream, long limit)
        {
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
        internal void AttachAt(Stream stream, long limit, long position, long held)
        {
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
