using System;

namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// A block's copy run (docs/PROTOCOL.md section 11a.5.1): base bytes read straight into the output
    /// window, as few reads as the window allows, and each edit added into its little-endian word once
    /// the word (or the rest of the run) is loaded. An edit's gap, kind and value are decoded first;
    /// its predictions need the loaded bytes around it.
    /// </summary>
    internal sealed class CopyRunDecoder
    {
        private readonly BitReader _bits;
        private readonly HuffmanTables _tables;
        private readonly EditPredictor _predictor;
        private readonly OutputWindow _window;
        private IBaseImage _base;
        private int _kind;
        private int _value;
        private long _copied;
        private long _reads;
        private long _edits;
        private long _edited;

        public CopyRunDecoder(BitReader bits, HuffmanTables tables, EditPredictor predictor, OutputWindow window)
        {
            _bits = bits;
            _tables = tables;
            _predictor = predictor;
            _window = window;
        }

        /// <summary>Symbols decoded since <see cref="Start"/>.</summary>
        public long Symbols { get; private set; }

        public void Start(IBaseImage baseImage)
        {
            _base = baseImage;
            _copied = _reads = _edits = _edited = 0;
            Symbols = 0;
        }

        public void CopyStatistics(PatchStatistics statistics)
        {
            statistics.CopiedBytes = _copied;
            statistics.BaseReads = _reads;
            statistics.Edits = _edits;
            statistics.EditedBytes = _edited;
            _base = null;
        }

        /// <summary>Rebuilds new[newStart, +length) from old[oldStart, +length) and the run's edits.</summary>
        public void Run(int oldStart, int newStart, int length)
        {
            byte[] buffer = _window.Buffer;
            int loaded = 0;
            int next = NextEdit(0, length);
            while (true)
            {
                int needed = next < 0 || next + PatchFormat.EditWidth > length ? length : next + PatchFormat.EditWidth;
                while (loaded < needed)
                {
                    // A full window holds the whole first chunk and no byte of a pending edit lies in it
                    // (else the edit's word would be loaded already), so the chunk can be written.
                    if (_window.Fill == OutputWindow.Capacity) _window.FlushFullChunk();
                    int fill = _window.Fill;
                    int count = length - loaded;
                    if (count > OutputWindow.Capacity - fill) count = OutputWindow.Capacity - fill;
                    _base.Read(oldStart + loaded, buffer, fill, count);
                    _window.Fill = fill + count;
                    loaded += count;
                    _reads++;
                }
                if (next < 0) break;
                Apply(newStart, next, length);
                int from = next + 1;
                next = from < length ? NextEdit(from, length) : -1;
            }
            _copied += length;
        }

        /// <summary>Decodes the next edit's symbol, gap and value; returns its run offset, or -1 at the end of the run's edits.</summary>
        private int NextEdit(int from, int length)
        {
            int symbol = _bits.Decode(_tables.Table(PatchFormat.AlphabetEdit), PatchFormat.OtherCodeBits);
            Symbols++;
            if (symbol == 0) return -1;
            symbol--;
            int gapCode = symbol >> 2;
            _kind = symbol & 3;
            int gap = gapCode;
            if (gapCode >= 16)
            {
                int n = gapCode - 12;
                gap = (1 << n) | _bits.ReadBits(n);
            }
            if (gap >= length - from || gap < 0)
                throw new PatchDataException(PatchError.EditOutsideRun, "an edit " + gap + " bytes after run offset " + from +
                    " lies outside its copy run of " + length + " bytes.");
            if (_kind == PatchFormat.KindRecent) _value = _bits.ReadBits(2);
            else if (_kind == PatchFormat.KindExplicit)
            {
                int valueSymbol = _bits.Decode(_tables.Table(PatchFormat.AlphabetValue), PatchFormat.OtherCodeBits);
                Symbols++;
                bool negative = valueSymbol >= PatchFormat.NumberCodes;
                int code = negative ? valueSymbol - PatchFormat.NumberCodes : valueSymbol;
                int magnitude = 1 + code;
                if (code >= 7)
                {
                    int n = 3 + ((code - 7) >> 2);
                    magnitude = ((4 | ((code - 7) & 3)) << (n - 2)) | _bits.ReadBits(n - 2);
                }
                _value = negative ? -magnitude : magnitude;
            }
            return from + gap;
        }

        /// <summary>Resolves the edit's value from its kind, learns it and adds it into the word at the edit, cut at the run's end.</summary>
        private void Apply(int newStart, int offset, int length)
        {
            byte[] buffer = _window.Buffer;
            int index = newStart + offset - _window.Start;
            int width = length - offset < PatchFormat.EditWidth ? length - offset : PatchFormat.EditWidth;
            int previous = _window.ByteBefore(index);
            int following = offset + 1 < length ? buffer[index + 1] : 0;
            int value;
            if (_kind == PatchFormat.KindPredictionA) value = _predictor.PredictionA(previous);
            else if (_kind == PatchFormat.KindPredictionB) value = _predictor.PredictionB(following);
            else if (_kind == PatchFormat.KindRecent) value = _predictor.RecentValue(_value);
            else value = _value;
            _predictor.Learn(previous, following, value);
            uint add = (uint)value;
            uint carry = 0;
            for (int k = 0; k < width; k++)
            {
                uint sum = buffer[index + k] + (add & 0xFF) + carry;
                buffer[index + k] = (byte)sum;
                carry = sum >> 8;
                add >>= 8;
            }
            _edits++;
            _edited += width;
        }
    }
}
