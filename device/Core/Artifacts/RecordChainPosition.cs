using System;

namespace SecureOta.Device.Core.Artifacts
{
    /// <summary>
    /// Where a hash-chained download stands, so it can resume after a reset (docs/PROTOCOL.md
    /// section 7): the index of the next record, the digest that record must have, the CBC block it
    /// chains from (the IV for record 0), and the image digest fold so far. 84 bytes when stored.
    /// The protocol's minimum is the first 48 bytes; the fold is kept too so the final image digest
    /// check covers the whole image without reading the slot back.
    /// Arrays are allocated once; <see cref="RecordChainReader.SavePosition"/> copies into them.
    /// </summary>
    public sealed class RecordChainPosition
    {
        /// <summary>Bytes of <see cref="WriteTo"/>'s encoding: index (4, big-endian), expected digest, chain block, fold.</summary>
        public const int EncodedSize = 4 + DigestKeys.DigestSize + 16 + DigestKeys.DigestSize;

        private readonly byte[] _expectedDigest = new byte[DigestKeys.DigestSize];
        private readonly byte[] _chainBlock = new byte[16];
        private readonly byte[] _imageFold = new byte[DigestKeys.DigestSize];

        /// <summary>Index of the next record to verify; the download resumes at byte 4128 * Index.</summary>
        public int Index { get; private set; }

        /// <summary>recordDigest the next record must have (32 bytes).</summary>
        public byte[] ExpectedDigest { get { return _expectedDigest; } }

        /// <summary>Last cipher block of the previous record, or the artifact's IV before record 0 (16 bytes).</summary>
        public byte[] ChainBlock { get { return _chainBlock; } }

        /// <summary>Image digest fold over the records already verified (32 bytes; zeros before record 0).</summary>
        public byte[] ImageFold { get { return _imageFold; } }

        /// <summary>The position before record 0: expected digest = head, chain block = iv.</summary>
        public static RecordChainPosition AtStart(byte[] head, byte[] iv)
        {
            if (head == null) throw new ArgumentNullException("head");
            if (iv == null) throw new ArgumentNullException("iv");
            if (head.Length != DigestKeys.DigestSize) throw new ArgumentException("head is 32 bytes", "head");
            if (iv.Length != 16) throw new ArgumentException("iv is 16 bytes", "iv");
            RecordChainPosition position = new RecordChainPosition();
            Array.Copy(head, 0, position._expectedDigest, 0, DigestKeys.DigestSize);
            Array.Copy(iv, 0, position._chainBlock, 0, 16);
            return position;
        }

        /// <summary>Reads a position written by <see cref="WriteTo"/>.</summary>
        public static RecordChainPosition ReadFrom(byte[] buffer, int offset)
        {
            if (buffer == null) throw new ArgumentNullException("buffer");
            if (offset < 0 || offset + EncodedSize > buffer.Length) throw new ArgumentOutOfRangeException("offset");
            int index = (buffer[offset] << 24) | (buffer[offset + 1] << 16) | (buffer[offset + 2] << 8) | buffer[offset + 3];
            if (index < 0) throw new ArgumentException("the stored record index is negative", "buffer");
            RecordChainPosition position = new RecordChainPosition();
            position.Set(index, buffer, offset + 4, buffer, offset + 36, buffer, offset + 52);
            return position;
        }

        /// <summary>Writes the 84-byte encoding into buffer[offset, +84).</summary>
        public void WriteTo(byte[] buffer, int offset)
        {
            if (buffer == null) throw new ArgumentNullException("buffer");
            if (offset < 0 || offset + EncodedSize > buffer.Length) throw new ArgumentOutOfRangeException("offset");
            buffer[offset] = (byte)(Index >> 24);
            buffer[offset + 1] = (byte)(Index >> 16);
            buffer[offset + 2] = (byte)(Index >> 8);
            buffer[offset + 3] = (byte)Index;
            Array.Copy(_expectedDigest, 0, buffer, offset + 4, DigestKeys.DigestSize);
            Array.Copy(_chainBlock, 0, buffer, offset + 36, 16);
            Array.Copy(_imageFold, 0, buffer, offset + 52, DigestKeys.DigestSize);
        }

        internal void Set(int index, byte[] expected, int expectedOffset, byte[] chain, int chainOffset, byte[] fold, int foldOffset)
        {
            Index = index;
            Array.Copy(expected, expectedOffset, _expectedDigest, 0, DigestKeys.DigestSize);
            Array.Copy(chain, chainOffset, _chainBlock, 0, 16);
            Array.Copy(fold, foldOffset, _imageFold, 0, DigestKeys.DigestSize);
        }
    }
}
