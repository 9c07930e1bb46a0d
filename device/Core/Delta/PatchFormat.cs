namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// Constants of the patch format, version 4 (docs/PROTOCOL.md section 11a): a 16-byte header, then
    /// segments, each a byte-aligned block of canonical Huffman tables and commands that rebuilds a run
    /// of the new image whose start is a multiple of <see cref="SegmentAlignment"/>. Nothing carries over
    /// from one segment to the next but the new image written so far (matches may copy from it), so a
    /// segment boundary is a resume point described by its patch offset, its new position and the byte
    /// before it, for an output that still holds the bytes before that position.
    /// </summary>
    public static class PatchFormat
    {
        /// <summary>Header bytes 0..3: "SODP" (SecureOta delta patch).</summary>
        public static readonly byte[] Magic = new byte[] { 0x53, 0x4F, 0x44, 0x50 };

        /// <summary>
        /// Header byte 4. Version 1 (the range-coded format), 2 (matches only inside the output chunk) and 3
        /// (no candidate edits) are not decoded any more.
        /// </summary>
        public const byte Version = 4;

        /// <summary>Magic, version, three reserved zero bytes, old size and new size (big-endian u32 each).</summary>
        public const int HeaderSize = 16;

        /// <summary>Bytes of a segment header: new length and coded length, little-endian u32 each.</summary>
        public const int SegmentHeaderSize = 8;

        /// <summary>Every segment but the last rebuilds a multiple of this many bytes: the output chunk.</summary>
        public const int SegmentAlignment = 4096;

        /// <summary>Largest old or new image a patch may declare: the protocol's image size limit (16 MiB).</summary>
        public const int MaxImageSize = 16 * 1024 * 1024;

        /// <summary>Largest value a number code gives (2^31 - 2).</summary>
        public const int MaxNumber = 0x7FFFFFFE;

        /// <summary>Bytes an edit adds into: a little-endian word starting at the edit, cut at the end of its copy run.</summary>
        public const int EditWidth = 4;

        /// <summary>Main alphabet: literal bytes 0..255, block starts 256..263 (one per seek choice), matches from 264.</summary>
        public const int BlockSymbol = 256;
        public const int MatchSymbol = BlockSymbol + 8;
        public const int MainSymbols = MatchSymbol + NumberCodes;

        /// <summary>Shortest match (a copy from the new image itself): the match length symbol codes length - MinMatch.</summary>
        public const int MinMatch = 3;

        /// <summary>Codes of a number (0 .. MaxNumber): 7 direct codes, then 4 per length class 3..30.</summary>
        public const int NumberCodes = 119;

        /// <summary>Recent match distances a segment keeps (distance table symbols NumberCodes + k repeat the k-th).</summary>
        public const int RecentDistances = 3;

        /// <summary>Distance alphabet: number codes of distance - 1, then the recent distances.</summary>
        public const int DistanceSymbols = NumberCodes + RecentDistances;

        /// <summary>
        /// Gap codes: gaps 0..15 are their own code; a gap g of 16 to 255, with n = floor(log2 g), is code
        /// 16 + 4(n - 4) + the two bits of g below its leading one, followed by the n - 2 bits below those;
        /// code 32 is a gap of 256 + a number coded with the copy length table.
        /// </summary>
        public const int GapCodes = 33;

        /// <summary>The gap code of gaps from 256 on.</summary>
        public const int LongGapCode = 32;

        /// <summary>The smallest gap coded with <see cref="LongGapCode"/>.</summary>
        public const int LongGap = 256;

        /// <summary>Edit symbols from here on are candidate edits: <see cref="CandidateSymbol"/> + 4 * rank + kind.</summary>
        public const int CandidateSymbol = 1 + 4 * GapCodes;

        /// <summary>A candidate edit is at the first to the fourth candidate word from the edit cursor on (rank 0 to 3).</summary>
        public const int CandidateRanks = 4;

        /// <summary>Edit alphabet: 0 ends the run's edits, then 1 + 4 * gapCode + kind, then the candidate edits.</summary>
        public const int EditSymbols = CandidateSymbol + 4 * CandidateRanks;

        /// <summary>
        /// A segment's candidate prefixes: at most four values of a word's top 12 bits, each 12 bits, after a
        /// 3-bit count. A candidate word is an aligned word of a copy run whose top 12 bits are one of them
        /// (a relocated pointer into a region that moved, in firmware).
        /// </summary>
        public const int MaxCandidatePrefixes = 4;
        public const int CandidateCountBits = 3;
        public const int CandidatePrefixBits = 12;

        /// <summary>Edit value kinds inside an edit symbol.</summary>
        public const int KindPredictionA = 0;
        public const int KindPredictionB = 1;
        public const int KindRecent = 2;
        public const int KindExplicit = 3;

        /// <summary>Edit symbols are coded with one of this many tables, chosen by the previous edit symbol of the segment (<see cref="EditContext"/>).</summary>
        public const int EditContexts = 8;

        /// <summary>Signed alphabets (explicit edit values, seek deltas): sign * NumberCodes + code of magnitude - 1.</summary>
        public const int SignedSymbols = 2 * NumberCodes;

        /// <summary>The code tables of a segment, in the order their code lengths are stored.</summary>
        public const int TableMain = 0;
        public const int TableEdit = 1;
        public const int TableValue = TableEdit + EditContexts;
        public const int TableCopyLength = TableValue + 1;
        public const int TableSeek = TableCopyLength + 1;
        public const int TableDistance = TableSeek + 1;
        public const int TableCount = TableDistance + 1;

        /// <summary>Longest code of the main table (its lookup table has 2^10 entries).</summary>
        public const int MainCodeBits = 10;

        /// <summary>Longest code of every other table (lookup tables of 2^8 entries).</summary>
        public const int OtherCodeBits = 8;

        /// <summary>Largest alphabet: the main symbols.</summary>
        public const int MaxSymbols = MainSymbols;

        /// <summary>Symbols of table <paramref name="table"/>'s alphabet.</summary>
        public static int SymbolCount(int table)
        {
            if (table == TableMain) return MainSymbols;
            if (table < TableValue) return EditSymbols;
            if (table == TableValue || table == TableSeek) return SignedSymbols;
            if (table == TableDistance) return DistanceSymbols;
            return NumberCodes;
        }

        /// <summary>Longest code table <paramref name="table"/> may use.</summary>
        public static int CodeBits(int table)
        {
            return table == TableMain ? MainCodeBits : OtherCodeBits;
        }

        /// <summary>
        /// The edit table after edit symbol <paramref name="previous"/> (0, the end of a run's edits, also
        /// at the segment's start): an end to 0; by the previous gap code, 0 and 1 to context 1, 2 to 2, 3 to 3,
        /// 7 to 4, other codes below 16 to 5, 16 and up to 6; a candidate edit to 7.
        /// </summary>
        public static int EditContext(int previous)
        {
            if (previous == 0) return 0;
            if (previous >= CandidateSymbol) return 7;
            int gapCode = (previous - 1) >> 2;
            if (gapCode < 2) return 1;
            if (gapCode < 4) return gapCode;
            if (gapCode == 7) return 4;
            return gapCode < 16 ? 5 : 6;
        }
    }
}
