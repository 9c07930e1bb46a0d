namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// Constants of the patch format, version 2 (docs/PROTOCOL.md section 11a): a 16-byte header, then
    /// segments, each a byte-aligned block of canonical Huffman tables and commands that rebuilds a run
    /// of the new image whose start is a multiple of <see cref="SegmentAlignment"/>. Nothing carries over
    /// from one segment to the next, so a segment boundary is a resume point described by two numbers.
    /// </summary>
    public static class PatchFormat
    {
        /// <summary>Header bytes 0..3: "SODP" (SecureOta delta patch).</summary>
        public static readonly byte[] Magic = new byte[] { 0x53, 0x4F, 0x44, 0x50 };

        /// <summary>Header byte 4. Version 1 (the range-coded format) is not decoded any more.</summary>
        public const byte Version = 2;

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

        /// <summary>Edit alphabet: 0 ends the run's edits, then 1 + 4 * gapCode + kind.</summary>
        public const int GapCodes = 43;
        public const int EditSymbols = 1 + 4 * GapCodes;

        /// <summary>Edit value kinds inside an edit symbol.</summary>
        public const int KindPredictionA = 0;
        public const int KindPredictionB = 1;
        public const int KindRecent = 2;
        public const int KindExplicit = 3;

        /// <summary>Signed alphabets (explicit edit values, seek deltas): sign * NumberCodes + code of magnitude - 1.</summary>
        public const int SignedSymbols = 2 * NumberCodes;

        /// <summary>The six alphabets of a segment, in the order their code lengths are stored.</summary>
        public const int AlphabetMain = 0;
        public const int AlphabetEdit = 1;
        public const int AlphabetValue = 2;
        public const int AlphabetCopyLength = 3;
        public const int AlphabetSeek = 4;
        public const int AlphabetDistance = 5;
        public const int AlphabetCount = 6;

        /// <summary>Longest code of the main alphabet (its lookup table has 2^10 entries).</summary>
        public const int MainCodeBits = 10;

        /// <summary>Longest code of every other alphabet (lookup tables of 2^9 entries).</summary>
        public const int OtherCodeBits = 9;

        /// <summary>Symbols of alphabet <paramref name="alphabet"/>.</summary>
        public static int SymbolCount(int alphabet)
        {
            switch (alphabet)
            {
                case AlphabetMain: return MainSymbols;
                case AlphabetEdit: return EditSymbols;
                case AlphabetValue: return SignedSymbols;
                case AlphabetSeek: return SignedSymbols;
                default: return NumberCodes;
            }
        }

        /// <summary>Longest code alphabet <paramref name="alphabet"/> may use.</summary>
        public static int CodeBits(int alphabet)
        {
            return alphabet == AlphabetMain ? MainCodeBits : OtherCodeBits;
        }
    }
}
