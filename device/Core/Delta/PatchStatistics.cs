namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// What the last patch application cost, for benchmarks: how many output bytes moved by native
    /// copies and how many went through managed per-byte code, and how many binary decisions the
    /// range decoder made (each a handful of managed operations).
    /// </summary>
    public sealed class PatchStatistics
    {
        /// <summary>Bytes of the new image written.</summary>
        public long OutputBytes { get; internal set; }

        /// <summary>Patch bytes read.</summary>
        public long PatchBytes { get; internal set; }

        /// <summary>Blocks (seek, copy run, literal run) decoded.</summary>
        public long Blocks { get; internal set; }

        /// <summary>Bytes read from the base image straight into the output buffer by <see cref="IBaseImage.Read"/>.</summary>
        public long CopiedBytes { get; internal set; }

        /// <summary>Calls to <see cref="IBaseImage.Read"/>.</summary>
        public long BaseReads { get; internal set; }

        /// <summary>Edits applied (each adds into at most four bytes).</summary>
        public long Edits { get; internal set; }

        /// <summary>Bytes an edit's managed add loop touched.</summary>
        public long EditedBytes { get; internal set; }

        /// <summary>Bytes decoded one by one from the patch.</summary>
        public long LiteralBytes { get; internal set; }

        /// <summary>Binary decisions decoded (coded bits and direct bits).</summary>
        public long DecodedBits { get; internal set; }

        /// <summary>Output bytes that went through managed per-byte code: literals and edited bytes.</summary>
        public long PerBytePathBytes { get { return LiteralBytes + EditedBytes; } }

        /// <summary>
        /// Managed operations per output byte, counted as one per decoded binary decision plus one per
        /// byte on the per-byte path; native copies count nothing. 0 for an empty image.
        /// </summary>
        public double OperationsPerOutputByte
        {
            get { return OutputBytes == 0 ? 0 : (double)(DecodedBits + PerBytePathBytes) / OutputBytes; }
        }

        internal void Clear()
        {
            OutputBytes = 0;
            PatchBytes = 0;
            Blocks = 0;
            CopiedBytes = 0;
            BaseReads = 0;
            Edits = 0;
            EditedBytes = 0;
            LiteralBytes = 0;
            DecodedBits = 0;
        }
    }
}
