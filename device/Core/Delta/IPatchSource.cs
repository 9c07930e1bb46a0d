namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// The patch, pulled front to back exactly once. The update client implements it by handing over
    /// the plain bytes of verified, decrypted records (docs/PROTOCOL.md section 7), so the patcher never
    /// sees a byte that has not been authenticated. Failures of the source itself (a record that fails
    /// its digest, a dropped connection) are the source's own exceptions and pass through the patcher.
    /// </summary>
    public interface IPatchSource
    {
        /// <summary>
        /// Copies up to <paramref name="count"/> next bytes of the patch into
        /// <paramref name="buffer"/>[<paramref name="offset"/>, ...) and returns how many it copied;
        /// 0 only at the end of the patch.
        /// </summary>
        int Read(byte[] buffer, int offset, int count);
    }
}
