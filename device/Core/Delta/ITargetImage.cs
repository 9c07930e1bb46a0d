namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// Where the new image goes (the inactive slot): written once, sequentially from offset 0, in chunks
    /// of exactly <see cref="DeltaPatcher.OutputChunkSize"/> bytes (4096, the image digest's chunk), the
    /// last one possibly shorter. Nothing is read back.
    /// </summary>
    public interface ITargetImage
    {
        /// <summary>Appends <paramref name="count"/> bytes; a storage failure throws IOException.</summary>
        void Write(byte[] buffer, int offset, int count);
    }
}
