namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// The image the patch applies to (the active slot), read at random offsets and never written.
    /// Reads go straight into the patcher's output buffer, so unchanged bytes move by the storage
    /// layer's native copy, never one managed byte at a time.
    /// </summary>
    public interface IBaseImage
    {
        /// <summary>Length of the image in bytes.</summary>
        int Length { get; }

        /// <summary>
        /// Reads exactly <paramref name="count"/> bytes starting at image offset <paramref name="offset"/>
        /// into <paramref name="buffer"/>[<paramref name="bufferOffset"/>, ...). The patcher only asks for
        /// ranges inside [0, Length); a storage failure throws IOException.
        /// </summary>
        void Read(int offset, byte[] buffer, int bufferOffset, int count);
    }
}
