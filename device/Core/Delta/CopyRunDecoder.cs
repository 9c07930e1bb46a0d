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

        /// <summary>Where the eight edit tables start in the lookup entries (they follow the main table).</summary>
        private const int EditTablesOffset = 1 << PatchFormat.MainCodeBits;

        private readonly BitReader _bits;
        private readonly HuffmanTables _tables;
        private readonly EditPredictor _predictor;
        private readonly OutputWindow _window;
        private IBaseImage _base;
        private int _editContext;
        private int _value;
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
            _editContext = 0;
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
            byte[] contexts = PatchFormat.EditContextTable;
            ushort[] entries = _tables.Entries;
            int context = _editContext;
            // Run offset k is window index k - shift; the run is loaded up to run offset loaded.
            int shift = window.Start - newStart;
            int loaded = 0;
            int from = 0;
            int edits = 0;
            uint bits = r.Bits;
            int count = r.Count;
            while (true)
            {
                // The edit symbol: one lookup in the table of the context.
                if (count < 16)
                {
                    r.Bits = bits;
                    r.Count = count;
                    r.Refill();
                    bits = r.Bits;
                    count = r.Count;
                }
                int entry = entries[EditTablesOffset + (context << PatchFormat.OtherCodeBits) + ((int)(bits >> (count - PatchFormat.OtherCodeBits)) & EditMask)];
                int symbol = entry >> 4;
                count -= entry & 15;
                context = contexts[symbol];
                if (symbol == 0)
                {
                    if ((entry & 15) == 0) throw new PatchDataException(PatchError.CorruptStream, "the coded bits match no code of the segment's table; the patch is corrupted.");
                    break;
                }
                int gap = --symbol >> 2;
                int kind = symbol & 3;
                if (gap >= 16 || kind >= PatchFormat.KindRecent)
                {
                    // Extra bits of a long gap or a value: the bit reader's own methods.
                    r.Bits = bits;
                    r.Count = count;
                    if (gap >= 16) gap = ReadLongGap(gap);
                    if (kind == PatchFormat.KindRecent) kind = 4 + r.ReadBits(2);
                    else if (kind == PatchFormat.KindExplicit) _value = ReadExplicitValue();
                    bits = r.Bits;
                    count = r.Count;
                }
                if ((uint)gap >= (uint)(length - from))
                    throw new PatchDataException(PatchError.EditOutsideRun, "an edit " + gap + " bytes after run offset " + from +
                        " lies outside its copy run of " + length + " bytes.");
                int at = from + gap;
                if (at + PatchFormat.EditWidth > loaded && loaded < length)
                {
                    loaded = Load(oldStart, length, loaded, at + PatchFormat.EditWidth < length ? at + PatchFormat.EditWidth : length);
                    shift = window.Start - newStart;
                }
                int index = at - shift;
                int previous = index > 0 ? buffer[index - 1] : window.LastWrittenByte;
                int following = at + 1 < length ? buffer[index + 1] : 0;
                int value;
                if (kind == PatchFormat.KindPredictionA) value = byPrevious[previous];
                else if (kind == PatchFormat.KindPredictionB) value = byNext[following];
                else if (kind == PatchFormat.KindExplicit) value = _value;
                else value = recent[(recentNext - 1 - (kind - 4)) & 3];
                byPrevious[previous] = value;
                byNext[following] = value;
                recent[recentNext] = value;
                recentNext = (recentNext + 1) & 3;
                edits++;
                if (length - at >= PatchFormat.EditWidth)
                {
                    // The whole little-endian word, carries included.
                    int word = buffer[index] | (buffer[index + 1] << 8) | (buffer[index + 2] << 16) | (buffer[index + 3] << 24);
                    word += value;
                    buffer[index] = (byte)word;
                    buffer[index + 1] = (byte)(word >> 8);
                    buffer[index + 2] = (byte)(word >> 16);
                    buffer[index + 3] = (byte)(word >> 24);
                }
                else AddCut(buffer, index, length - at, value);
                from = at + 1;
                if (from == length) break;
            }
            r.Bits = bits;
            r.Count = count;
            predictor.RecentNext = recentNext;
            _editContext = context;
            if (loaded < length) Load(oldStart, length, loaded, length);
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
