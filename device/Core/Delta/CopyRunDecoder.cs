using System;

namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// A block's copy run (docs/PROTOCOL.md section 11a.5.1): base bytes read straight into the output
    /// window, one read per window-full, and the run's edits added into their little-endian words in
    /// the loaded bytes. The per-edit path is written for the interpreter (every IL instruction is a
    /// dispatch; see ./build.sh --target=DeviceCost --profile): the edit table entry already holds the
    /// gap code, value kind and next table, the bit buffer lives in locals and is refilled two bytes at a
    /// time inline, explicit and recent values and gap extra bits are decoded inline, the word is read by
    /// one native BitConverter call and only its changed bytes are written back. The only calls are for
    /// rare work (a refill at the input buffer's end, gaps from 256, a candidate edit's search, a long extra-bit field, a window flush).
    /// </summary>
    internal sealed class CopyRunDecoder
    {
        private const int EditMask = (1 << PatchFormat.OtherCodeBits) - 1;

        /// <summary>An edit table entry (slow bit cleared, or a recent or explicit value) below this has kind A, below <see cref="RecentEntry"/> kind B.</summary>
        private const int PredictionBEntry = PatchFormat.KindPredictionB << HuffmanTables.EditKindShift;
        private const int RecentEntry = PatchFormat.KindRecent << HuffmanTables.EditKindShift;

        /// <summary>A slow edit table entry (slow bit set) from here on has a recent value, from <see cref="SlowExplicitEntry"/> on an explicit one.</summary>
        private const int SlowRecentEntry = HuffmanTables.EditSlow | RecentEntry;
        private const int SlowExplicitEntry = HuffmanTables.EditSlow | (PatchFormat.KindExplicit << HuffmanTables.EditKindShift);

        /// <summary>The entry of the end symbol (edits end, next context 0) with all code length bits set.</summary>
        private const int EndEntry = HuffmanTables.EditSlow | (HuffmanTables.EditEndGap << HuffmanTables.EditGapShift) | 15;

        /// <summary>The bits of an edit table entry's G (gap code + 1) that are set when G is 16 or more.</summary>
        private const int LongGapCodes = 0x30 << HuffmanTables.EditGapShift;

        private const int ValueTable = (1 << PatchFormat.MainCodeBits) + ((PatchFormat.TableValue - 1) << PatchFormat.OtherCodeBits);
        private const int CopyLengthTable = (1 << PatchFormat.MainCodeBits) + ((PatchFormat.TableCopyLength - 1) << PatchFormat.OtherCodeBits);

        private readonly BitReader _bits;
        private readonly HuffmanTables _tables;
        private readonly EditPredictor _predictor;
        private readonly OutputWindow _window;
        private readonly CopyRunLoader _loader;
        /// <summary>Where the edit table of the next edit symbol starts in the lookup entries.</summary>
        private int _editTable;
        private long _copied;
        private long _edits;
        private long _candidateEdits;
        private long _symbols;

        public CopyRunDecoder(BitReader bits, HuffmanTables tables, EditPredictor predictor, OutputWindow window)
        {
            _bits = bits;
            _tables = tables;
            _predictor = predictor;
            _window = window;
            _loader = new CopyRunLoader(window);
        }

        /// <summary>Symbols decoded since <see cref="Start"/>.</summary>
        public long Symbols { get { return _symbols; } }

        public void Start(IBaseImage baseImage)
        {
            _loader.Start(baseImage);
            _copied = _edits = _candidateEdits = _symbols = 0;
        }

        /// <summary>Starts a segment: the first edit symbol is coded with edit table 0.</summary>
        public void ResetContext()
        {
            _editTable = HuffmanTables.EditTablesOffset;
        }

        public void CopyStatistics(PatchStatistics statistics)
        {
            statistics.CopiedBytes = _copied;
            statistics.BaseReads = _loader.Reads;
            statistics.Edits = _edits;
            statistics.CandidateEdits = _candidateEdits;
            statistics.EditedBytes = _edits * PatchFormat.EditWidth;
            _loader.Start(null);
        }

        /// <summary>Rebuilds new[newStart, +length) from old[oldStart, +length) and the run's edits.</summary>
        public void Run(int oldStart, int newStart, int length)
        {
            BitReader r = _bits;
            int count = r.Count;
            if (count >= PatchFormat.OtherCodeBits)
            {
                // A run without edits (half the blocks between distant releases) ends at its first symbol:
                // read before the edit loop sets up its locals.
                int first = _tables.Entries[_editTable + ((int)(r.Bits >> (count - PatchFormat.OtherCodeBits)) & EditMask)];
                if ((first | 15) == EndEntry)
                {
                    r.Count = count - (first & 15);
                    _editTable = HuffmanTables.EditTablesOffset;
                    _loader.Load(oldStart, length, 0, length);
                    _symbols++;
                    _copied += length;
                    return;
                }
            }
            OutputWindow window = _window;
            EditPredictor predictor = _predictor;
            byte[] buffer = window.Buffer;
            int[] byPrevious = predictor.ByPrevious;
            int[] byNext = predictor.ByNext;
            int[] recent = predictor.RecentValues;
            int recentNext = predictor.RecentNext;
            ushort[] entries = _tables.Entries;
            byte[] input = r.Input;
            int inputPosition = r.InputPosition;
            int refillLimit = r.InputLength - 2;
            uint bits = r.Bits;
            int table = _editTable;
            // Window indexes throughout: the run is buffer[start, end) (start may lie before the window
            // once chunks were flushed), loaded up to loadedEnd; p is the last edit's index (start - 1
            // before the first), and the next edit with gap code + 1 = G is at p + G + extra gap.
            int start = newStart - window.Start;
            int end = start + length;
            // As much of the run as the window takes is loaded before the first edit (one native read, no
            // flush): only a run that outgrows the window loads more, as an edit's word needs it.
            int room = OutputWindow.Capacity - window.Fill;
            int loadedEnd = start + (room <= 0 ? 0 : _loader.Load(oldStart, length, 0, length < room ? length : room));
            int loadLimit = loadedEnd < end ? loadedEnd - PatchFormat.EditWidth : int.MaxValue;
            int p = start - 1;
            // The common edit's test, 1 <= p <= end - 4, as one unsigned comparison of p - 1 with lastWord
            // (never negative, so a run of fewer than 4 bytes has no common edit).
            int lastWord = end - PatchFormat.EditWidth;
            if (lastWord < 0) lastWord = 0;
            // The ring of recent values counts every edit: the run's edits are its growth.
            int firstEdit = recentNext;
            int explicitValues = 0;
            // An edit's value; the explicit and recent kinds set it as their bits are read.
            int value = 0;
            while (true)
            {
                // The edit symbol: one lookup in the table of the context, the refill inline.
                if (count < 16)
                {
                    if (inputPosition <= refillLimit)
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
                        refillLimit = r.InputLength - 2;
                    }
                }
                int entry = entries[table + ((int)(bits >> (count - PatchFormat.OtherCodeBits)) & EditMask)];
                count -= entry & 15;
                table = ((entry & HuffmanTables.EditContextMask) << 4) + HuffmanTables.EditTablesOffset;
                int gap = (entry >> HuffmanTables.EditGapShift) & HuffmanTables.EditGapMask;
                if (entry >= HuffmanTables.EditSlow)
                {
                    // With its slow bit the entry tells the kind by comparisons (SlowRecentEntry); the bit stays
                    // set for recent and explicit values (both at or above RecentEntry, as the fast path needs) and
                    // goes for long gaps, whose kind may be A or B.
                    // The rarer half, still inline: gap codes 16 and up, and the values that carry bits.
                    if (gap > 16)
                    {
                        if (gap == HuffmanTables.EditEndGap) break;
                        if (gap <= PatchFormat.LongGapCode)
                        {
                            // Gap codes 16 to 31: the two bits below the leading one, then 2 to 5 extra bits (8 are buffered).
                            // G = gap code + 1 indexes their count and the gap they add to (see GapCodeTable).
                            int extra = GapCodeTable.Extra[gap];
                            count -= extra;
                            gap = GapCodeTable.Base[gap] + ((int)(bits >> count) & ((1 << extra) - 1));
                        }
                        else
                        {
                            // G all ones: the entry of no code (HuffmanTables.EditNoCode); a candidate edit; else gap code 32.
                            if (gap == HuffmanTables.EditGapMask) throw new PatchDataException(PatchError.CorruptStream, "the coded bits match no code of the segment's table; the patch is corrupted.");
                            if (gap >= HuffmanTables.EditCandidateGap)
                            {
                                int q = _loader.FindCandidate(_tables.Candidates, oldStart, length, start, end, p, loadedEnd, gap - HuffmanTables.EditCandidateGap);
                                int moved = _loader.Moved;
                                start -= moved;
                                end -= moved;
                                p -= moved;
                                loadedEnd = start + _loader.Loaded;
                                loadLimit = loadedEnd < end ? loadedEnd - PatchFormat.EditWidth : int.MaxValue;
                                lastWord = end - PatchFormat.EditWidth;
                                if (lastWord < 0) lastWord = 0;
                                gap = q - p;
                                _candidateEdits++;
                            }
                            else
                            {
                                r.Bits = bits;
                                r.Count = count;
                                r.InputPosition = inputPosition;
                                gap = ReadLongGap() + 1;
                                bits = r.Bits;
                                count = r.Count;
                                inputPosition = r.InputPosition;
                                refillLimit = r.InputLength - 2;
                            }
                        }
                    }
                    if (entry >= SlowRecentEntry)
                    {
                        if (count < 16)
                        {
                            if (inputPosition <= refillLimit)
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
                                refillLimit = r.InputLength - 2;
                            }
                        }
                        if (entry < SlowExplicitEntry)
                        {
                            count -= 2;
                            value = recent[(recentNext - 1 - ((int)(bits >> count) & 3)) & 3];
                        }
                        else
                        {
                            // An explicit value: a symbol of the value table, sign * 119 + number code of magnitude - 1.
                            int valueEntry = entries[ValueTable + ((int)(bits >> (count - PatchFormat.OtherCodeBits)) & EditMask)];
                            if (valueEntry == 0) throw new PatchDataException(PatchError.CorruptStream, "the coded bits match no code of the segment's table; the patch is corrupted.");
                            count -= valueEntry & 15;
                            int code = valueEntry >> 4;
                            int extra = BitReader.SignedExtra[code];
                            if (extra <= count)
                            {
                                count -= extra;
                                value = (BitReader.SignedBase[code] + ((int)(bits >> count) & ((1 << extra) - 1))) ^ BitReader.SignedFlip[code];
                            }
                            else
                            {
                                r.Bits = bits;
                                r.Count = count;
                                r.InputPosition = inputPosition;
                                value = (BitReader.SignedBase[code] + r.ReadBits(extra)) ^ BitReader.SignedFlip[code];
                                bits = r.Bits;
                                count = r.Count;
                                inputPosition = r.InputPosition;
                                refillLimit = r.InputLength - 2;
                            }
                            explicitValues++;
                        }
                    }
                    if ((entry & LongGapCodes) != 0)
                    {
                        // A long gap (G from 16 on) may be anything: checked before it moves p (a fast gap is 1 to 16, checked after).
                        if (gap >= end - p || gap <= 0) throw RunEditEdges.OutsideRun(gap, p, start, length);
                        entry &= HuffmanTables.EditSlow - 1;
                    }
                }
                p += gap;
                if (p > loadLimit && loadedEnd < end)
                {
                    if (p >= end) throw RunEditEdges.OutsideRun(gap, p - gap, start, length);
                    int moved = _loader.LoadMore(oldStart, length, loadedEnd - start, p + PatchFormat.EditWidth < end ? p + PatchFormat.EditWidth - start : length);
                    start -= moved;
                    end -= moved;
                    p -= moved;
                    loadedEnd = start + _loader.Loaded;
                    loadLimit = loadedEnd < end ? loadedEnd - PatchFormat.EditWidth : int.MaxValue;
                    lastWord = end - PatchFormat.EditWidth;
                    if (lastWord < 0) lastWord = 0;
                }
                if ((uint)(p - 1) < (uint)lastWord)
                {
                    // The common edit: a whole word inside the run after a byte in the window. The word is
                    // read natively, the byte after the edit is its second byte, and only the bytes the
                    // add changed are written back.
                    int old = BitConverter.ToInt32(buffer, p);
                    int previous = buffer[p - 1];
                    int following = (old >> 8) & 0xFF;
                    if (entry < PredictionBEntry) value = byPrevious[previous];
                    else if (entry < RecentEntry) value = byNext[following];
                    byPrevious[previous] = value;
                    byNext[following] = value;
                    recent[recentNext & 3] = value;
                    recentNext++;
                    int word = old + value;
                    buffer[p] = (byte)word;
                    // The xor is recomputed rather than kept in a local: half the edits change one byte and stop at the first test.
                    if ((uint)(old ^ word) >= 0x100u)
                    {
                        buffer[p + 1] = (byte)(word >> 8);
                        if ((uint)(old ^ word) >= 0x10000u)
                        {
                            buffer[p + 2] = (byte)(word >> 16);
                            buffer[p + 3] = (byte)(word >> 24);
                        }
                    }
                }
                else
                {
                    // At the window's first byte (the byte before was written out) or in the run's last three bytes.
                    if (p >= end) throw RunEditEdges.OutsideRun(gap, p - gap, start, length);
                    int previous = p > 0 ? buffer[p - 1] : window.LastWrittenByte;
                    int following = p + 1 < end ? buffer[p + 1] : 0;
                    if (entry < PredictionBEntry) value = byPrevious[previous];
                    else if (entry < RecentEntry) value = byNext[following];
                    byPrevious[previous] = value;
                    byNext[following] = value;
                    recent[recentNext & 3] = value;
                    recentNext++;
                    if (p + PatchFormat.EditWidth <= end)
                    {
                        int word = BitConverter.ToInt32(buffer, p) + value;
                        buffer[p] = (byte)word;
                        buffer[p + 1] = (byte)(word >> 8);
                        buffer[p + 2] = (byte)(word >> 16);
                        buffer[p + 3] = (byte)(word >> 24);
                    }
                    else RunEditEdges.AddCut(buffer, p, end - p, value);
                    if (p + 1 == end) break;
                }
            }
            r.Bits = bits;
            r.Count = count;
            r.InputPosition = inputPosition;
            predictor.RecentNext = recentNext;
            _editTable = table;
            if (loadedEnd < end) _loader.Load(oldStart, length, loadedEnd - start, length);
            int edits = recentNext - firstEdit;
            _symbols += edits + 1 + explicitValues;
            _edits += edits;
            _copied += length;
        }

        /// <summary>The gap of gap code 32: 256 + a number of the copy length table (-1 past 2^31 - 1).</summary>
        private int ReadLongGap()
        {
            int number = _bits.DecodeNumber(_tables.Entries, CopyLengthTable, false);
            _symbols++;
            return number > int.MaxValue - PatchFormat.LongGap ? -1 : PatchFormat.LongGap + number;
        }
    }
}
