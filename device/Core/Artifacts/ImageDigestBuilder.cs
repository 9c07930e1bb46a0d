using System;
using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Core.Artifacts
{
    /// <summary>
    /// Folds an image, 4 KiB chunk by chunk, into its image digest: h0 = 0^32,
    /// h(i+1) = HMAC(K_IMAGE, h(i) || chunk(i)) (docs/PROTOCOL.md section 2.1). Holds one
    /// 32 + 4096-byte buffer allocated once, so the fold allocates nothing per chunk. Not thread-safe.
    /// </summary>
    public sealed class ImageDigestBuilder
    {
        private readonly IHmacSha256 _hmac;
        private readonly byte[] _buffer = new byte[DigestKeys.DigestSize + ArtifactLayout.ChunkSize];
        private bool _sawShortChunk;
        private long _length;

        public ImageDigestBuilder(IHmacSha256 hmac)
        {
            if (hmac == null) throw new ArgumentNullException("hmac");
            _hmac = hmac;
        }

        /// <summary>Plain bytes folded so far.</summary>
        public long Length { get { return _length; } }

        /// <summary>Starts a new image: h = 32 zero bytes.</summary>
        public void Reset()
        {
            Array.Clear(_buffer, 0, DigestKeys.DigestSize);
            _sawShortChunk = false;
            _length = 0;
        }

        /// <summary>
        /// Continues a fold saved earlier (to resume a download): h = digest[offset, +32) after
        /// <paramref name="length"/> bytes, which must be whole 4096-byte chunks.
        /// </summary>
        public void Restore(byte[] digest, int offset, long length)
        {
            if (digest == null) throw new ArgumentNullException("digest");
            if (offset < 0 || offset + DigestKeys.DigestSize > digest.Length) throw new ArgumentOutOfRangeException("offset");
            if (length < 0 || length % ArtifactLayout.ChunkSize != 0 || length > ArtifactLayout.MaxPlainSize)
                throw new ArgumentOutOfRangeException("length", "a saved fold covers whole 4096-byte chunks");
            Array.Copy(digest, offset, _buffer, 0, DigestKeys.DigestSize);
            _sawShortChunk = false;
            _length = length;
        }

        /// <summary>
        /// Folds the next chunk. Every chunk must be 4096 bytes except the last, which may be shorter;
        /// a chunk after a short one is a caller error.
        /// </summary>
        public void AddChunk(byte[] data, int offset, int count)
        {
            if (data == null) throw new ArgumentNullException("data");
            if (count < 1 || count > ArtifactLayout.ChunkSize || offset < 0 || offset + count > data.Length)
                throw new ArgumentOutOfRangeException("count");
            if (_sawShortChunk) throw new InvalidOperationException("a chunk shorter than 4096 bytes must be the last one");

            Array.Copy(data, offset, _buffer, DigestKeys.DigestSize, count);
            _hmac.Compute(DigestKeys.Image, _buffer, 0, DigestKeys.DigestSize + count, _buffer, 0);
            _sawShortChunk = count < ArtifactLayout.ChunkSize;
            _length += count;
        }

        /// <summary>Copies the current digest h(n) into output[outputOffset, +32).</summary>
        public void CopyDigest(byte[] output, int outputOffset)
        {
            if (output == null) throw new ArgumentNullException("output");
            Array.Copy(_buffer, 0, output, outputOffset, DigestKeys.DigestSize);
        }
    }
}
