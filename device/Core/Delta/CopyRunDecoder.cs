using System;

namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// A block's copy run (docs/PROTOCOL.md section 11a.5.1): base bytes read straight into the output
    /// window, one read per window-full, and the run's edits added into their little-endian words in
    /// the loaded bytes. The per-edit path is written for the interpreter: the edit table lookup, the
    /// predictions and the add are inline, fields are read into locals, and the only calls are for
    /// rare work (refilling the bit buffer, long gaps, explicit values, a window flush).
    /// </summary>
    internal sealed class CopyRunDecoder
    {
        private const int EditMask = (1 << PatchFormat.OtherCodeBits) - 1;

        /// <summary>Value kinds as they sit in an edit table entry (kind * 16).</summary>
        private const int NextKind = PatchFormat.KindPredictionB << 4;
        private const int RecentKind = PatchFormat.KindRecent << 4;
        private const int ExplicitKind = PatchFormat.KindExplicit << 4;

        private readonly BitReader _bits;
        private readonly HuffmanTables _tables;
        private readonly EditPredictor _predictor;
        private readonly OutputWindow _window;
        private IBaseImage _base;
        /// <summary>Where the edit table of the next edit symbol starts in the lookup entries.</summary>
        private int _editTable;
        private long _copied;
        private long _reads;
        private long _edits;
        private long _symbols;

        public CopyRunDecoder(BitReader bits, HuffmanTables tables, EditPredictor predictor, OutputWindow window)
        {
            _bits = bits;
            _tables = tables;
            _predictor = predictor;
            _window = window;
        }

        /// <summary>Symbols decoded since <see cref="Start"/>.</summary>
        public long Symbols { get { return _symbols; } }

        public void Start(IBaseImage baseImage)
        {
            _base = baseImage;
            _copied = _reads = _edits = _symbols = 0;
        }

        /// <summary>Starts a segment: the first edit symbol is coded with edit table 0.</summary>
        public void ResetContext()
        {
            _editTable = HuffmanTables.EditTablesOffset;
        }

        public void CopyStatistics(PatchStatistics statistics)
        {
            statistics.CopiedBytes = _copied;
            statistics.BaseReads = _reads;
            statistics.Edits = _edits;
            statistics.EditedBytes = _edits * PatchFormat.EditWidth;
            _base = null;
        }

        /// <summary>Rebuilds new[newStart, +length) from old[oldStart, +length) and the run's edits.</summary>
        public void Run(int oldStart, int newStart, int length)
        {
            OutputWindow window = _window;
            BitReader r = _bits;
            EditPredictor predictor = _predictor;
            byte[] buffer = window.Buffer;
            int[] byPrevious = predictor.ByPrevious;
            int[] byNext = predictor.ByNext;
            int[] recent = predictor.RecentValues;
            int recentNext = predictor.RecentNext;
            ushort[] entries = _tables.Entries;
            byte[] input = r.Input;
            int inputPosition = r.InputPosition;
            int inputLength = r.InputLength;
            uint bits = r.Bits;
            int count = r.Count;
            int table = _editTable;
            // Window indexes throughout: the run is buffer[start, end) (start may lie before the window
            // once chunks were flushed), loaded up to loadedEnd; p is the last edit's index (start - 1
            // before the first), and the next edit with gap code + 1 = G is at p + G + extra gap.
            int start = newStart - window.Start;
            int end = start + length;
            int loadedEnd = start;
            int loadLimit = loadedEnd - PatchFormat.EditWidth;
            int p = start - 1;
            int edits = 0;
            while (true)
            {
                // The edit symbol: one lookup in the table of the context, the refill inline.
                if (count < 16)
                {
                    if (inputPosition + 2 <= inputLength)
                    {
                        bits = (bits << 16) | (uint)(input[inputPosition] << 8) | input[inputPosition + 1];
                        inputPosition += 2;
                        count += 16;
                    }
                    else
                    {
                        r.Bits = bits;
                        r.Count = count;
                        r.InputPosition = inputPosition;
                        r.Refill();
                        bits = r.Bits;
                        count = r.Count;
                        inputPosition = r.InputPosition;
                        inputLength = r.InputLength;
                    }
                }
                int entry = entries[table + ((int)(bits >> (count - PatchFormat.OtherCodeBits)) & EditMask)];
                count -= entry & 15;
                table = ((entry & HuffmanTables.EditContextMask) << 2) + HuffmanTables.EditTablesOffset;
                int gap = entry >> HuffmanTables.EditGapShift;
                int kind = entry & HuffmanTables.EditKindMask;
                int value = 0;
                if ((uint)(gap - 1) >= 16u || kind >= RecentKind)
                {
                    if (gap == HuffmanTables.EditEndGap) break;
                    if (gap == 0) throw new PatchDataException(PatchError.CorruptStream, "the coded bits match no code of the segment's table; the patch is corrupted.");
                    // Extra bits of a long gap or a value: the bit reader's own methods.
                    r.Bits = bits;
                    r.Count = count;
                    r.InputPosition = inputPosition;
                    if (gap > 16) gap = ReadLongGap(gap - 1) + 1;
                    if (kind == RecentKind) value = recent[(recentNext - 1 - r.ReadBits(2)) & 3];
                    else if (kind == ExplicitKind) value = ReadExplicitValue();
                    bits = r.Bits;
                    count = r.Count;
                    inputPosition = r.InputPosition;
                    inputLength = r.InputLength;
                }
                if (gap >= end - p || gap <= 0)
                    throw new PatchDataException(PatchError.EditOutsideRun, "an edit " + (gap - 1) + " bytes after run offset " + (p + 1 - start) +
                        " lies outside its copy run of " + length + " bytes.");
                p += gap;
                if (p > loadLimit && loadedEnd < end)
                {
                    int moved = window.Start;
                    int loaded = Load(oldStart, length, loadedEnd - start, p + PatchFormat.EditWidth < end ? p + PatchFormat.EditWidth - start : length);
                    moved = window.Start - moved;
                    start -= moved;
                    end -= moved;
                    p -= moved;
                    loadedEnd = start + loaded;
                    loadLimit = loadedEnd < end ? loadedEnd - PatchFormat.EditWidth : int.MaxValue;
                }
                int previous = p > 0 ? buffer[p - 1] : window.LastWrittenByte;
                int following = p + 1 < end ? buffer[p + 1] : 0;
                if (kind == 0) value = byPrevious[previous];
                else if (kind == NextKind) value = byNext[following];
                byPrevious[previous] = value;
                byNext[following] = value;
                recent[recentNext] = value;
                recentNext = (recentNext + 1) & 3;
                edits++;
                if (p + PatchFormat.EditWidth <= end)
                {
                    // The whole little-endian word, carries included: read natively, written back bytewise.
                    int word = BitConverter.ToInt32(buffer, p) + value;
                    buffer[p] = (byte)word;
                    buffer[p + 1] = (byte)(word >> 8);
                    buffer[p + 2] = (byte)(word >> 16);
                    buffer[p + 3] = (byte)(word >> 24);
                }
                else AddCut(buffer, p, end - p, value);
                if (p + 1 == end) break;
            }
            r.Bits = bits;
            r.Count = count;
            r.InputPosition = inputPosition;
            predictor.RecentNext = recentNext;
            _editTable = table;
            if (loadedEnd < end) Load(oldStart, length, loadedEnd - start, length);
            _symbols += edits + 1;
            _edits += edits;
            _copied += length;
        }

        /// <summary>Adds <paramref name="value"/> into the little-endian word of <paramref name="width"/> (1 to 3) bytes at the run's end.</summary>
        private static void AddCut(byte[] buffer, int index, int width, int value)
        {
            int sum = 0;
            for (int k = 0; k < width; k++)
            {
                sum = buffer[index + k] + (value & 0xFF) + (sum >> 8);
                buffer[index + k] = (byte)sum;
                value >>= 8;
            }
        }

        /// <summary>
        /// Reads the run from run offset <paramref name="loaded"/> until at least <paramref name="needed"/>
        /// is loaded (as much as the window takes), flushing full chunks; returns the new loaded offset.
        /// </summary>
        private int Load(int oldStart, int length, int loaded, int needed)
        {
            OutputWindow window = _window;
            while (loaded < needed)
            {
                // A full window holds the whole first chunk, and the pending edit's bytes lie after it
                // (its word is not loaded yet), so the chunk can be written.
                if (window.Fill == OutputWindow.Capacity) window.FlushFullChunk();
                int fill = window.Fill;
                int count = length - loaded;
                if (count > OutputWindow.Capacity - fill) count = OutputWindow.Capacity - fill;
                _base.Read(oldStart + loaded, window.Buffer, fill, count);
                window.Fill = fill + count;
                loaded += count;
                _reads++;
            }
            return loaded;
        }

        /// <summary>The gap of gap code 16 and up: two bits below the leading one and extra bits, or 256 + a number.</summary>
        private int ReadLongGap(int gapCode)
        {
            if (gapCode == PatchFormat.LongGapCode)
            {
                int number = ReadNumber(_bits.Decode(_tables.Entries, HuffmanTables.Offset(PatchFormat.TableCopyLength), PatchFormat.OtherCodeBits));
                _symbols++;
                return number > int.MaxValue - PatchFormat.LongGap ? -1 : PatchFormat.LongGap + number;
            }
            int n = 4 + ((gapCode - 16) >> 2);
            return ((4 | ((gapCode - 16) & 3)) << (n - 2)) | _bits.ReadBits(n - 2);
        }

        private int ReadExplicitValue()
        {
            int valueSymbol = _bits.Decode(_tables.Entries, HuffmanTables.Offset(PatchFormat.TableValue), PatchFormat.OtherCodeBits);
            _symbols++;
            bool negative = valueSymbol >= PatchFormat.NumberCodes;
            int magnitude = ReadNumber(negative ? valueSymbol - PatchFormat.NumberCodes : valueSymbol) + 1;
            return negative ? -magnitude : magnitude;
        }

        /// <summary>A number from its code and extra bits (section 11a.4).</summary>
        private int ReadNumber(int code)
        {
            if (code < 7) return code;
            int n = 3 + ((code - 7) >> 2);
            int u = ((4 | ((code - 7) & 3)) << (n - 2)) | _bits.ReadBits(n - 2);
            return u - 1;
        }
    }
}
