namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// What the last patch application did, for benchmarks: how many output bytes moved by native
    /// copies and how many went through managed per-byte code, and how many symbols were decoded
    /// (each one table lookup). The device's real cost is counted by the build's DeviceCost benchmark.
    /// </summary>
    public sealed class PatchStatistics
    {
        /// <summary>Bytes of the new image written.</summary>
        public long OutputBytes { get; internal set; }

        /// <summary>Patch bytes read.</summary>
        public long PatchBytes { get; internal set; }

        /// <summary>Segments decoded (each a resume point).</summary>
        public long Segments { get; internal set; }

        /// <summary>Blocks (seek, copy run with its edits) decoded.</summary>
        public long Blocks { get; internal set; }

        /// <summary>Bytes read from the base image straight into the output buffer by <see cref="IBaseImage.Read"/>.</summary>
        public long CopiedBytes { get; internal set; }

        /// <summary>Calls to <see cref="IBaseImage.Read"/>.</summary>
        public long BaseReads { get; internal set; }

        /// <summary>Edits applied (each adds into at most four bytes).</summary>
        public long Edits { get; internal set; }

        /// <summary>Edits named as a candidate word (docs/PROTOCOL.md section 11a.5.2) rather than by their gap.</summary>
        public long CandidateEdits { get; internal set; }

        /// <summary>Bytes edits added into, counted as four per edit (fewer only where a run ends).</summary>
        public long EditedBytes { get; internal set; }

        /// <summary>Bytes decoded one by one from the patch.</summary>
        public long LiteralBytes { get; internal set; }

        /// <summary>Bytes copied from the new image itself (matches and fills, by native copies).</summary>
        public long MatchedBytes { get; internal set; }

        /// <summary>Huffman symbols decoded (code tables excluded).</summary>
        public long DecodedSymbols { get; internal set; }

        /// <summary>Output bytes that went through managed per-byte code: literals and edited bytes.</summary>
        public long PerBytePathBytes { get { return LiteralBytes + EditedBytes; } }

        internal void Clear()
        {
            OutputBytes = 0;
            PatchBytes = 0;
            Segments = 0;
            Blocks = 0;
            CopiedBytes = 0;
            BaseReads = 0;
            Edits = 0;
            EditedBytes = 0;
            LiteralBytes = 0;
            MatchedBytes = 0;
            DecodedSymbols = 0;
        }
    }
}
