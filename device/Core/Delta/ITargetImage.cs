namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// Where the new image goes (the inactive slot): written once, sequentially from offset 0, in chunks
    /// of exactly <see cref="DeltaPatcher.OutputChunkSize"/> bytes (4096, the image digest's chunk), the
    /// last one possibly shorter. A match (docs/PROTOCOL.md section 11a.5) may copy from any earlier byte
    /// of the new image, so bytes already written are read back.
    /// </summary>
    public interface ITargetImage
    {
        /// <summary>Appends <paramref name="count"/> bytes; a storage failure throws IOException.</summary>
        void Write(byte[] buffer, int offset, int count);

        /// <summary>
        /// Reads <paramref name="count"/> bytes of the new image from offset <paramref name="position"/> into
        /// <paramref name="buffer"/>: bytes written before, so position + count is at most the bytes written
        /// (a resumed image counts the bytes before its resume point as written). A storage failure throws IOException.
        /// </summary>
        void Read(int position, byte[] buffer, int offset, int count);
    }
}
