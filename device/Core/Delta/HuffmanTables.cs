using System;

namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// The canonical Huffman codes of a segment (docs/PROTOCOL.md section 11a.4), read from the
    /// segment's start and turned into lookup tables indexed by the next <see cref="PatchFormat.CodeBits"/>
    /// bits of the stream, so a symbol costs one table read. An entry's low 4 bits are the code length
    /// (0: a bit pattern no code starts with, the whole entry is then 0, or <see cref="NoMainCode"/> in the main table); above them the main, value,
    /// length, seek and distance tables hold the symbol, and the edit tables a decoded form of the edit
    /// symbol (<see cref="EditEntry"/>) so the patcher's edit loop needs no arithmetic on the symbol.
    /// Allocated once and refilled per segment: only the symbols a table uses cost managed work.
    /// </summary>
    internal sealed class HuffmanTables
    {
        /// <summary>Symbols of the code-length code: lengths 0..15, then repeat, short zero run, long zero run, and the table's rest all zero.</summary>
        public const int LengthSymbols = 20;
        public const int RepeatPrevious = 16;
        public const int ShortZeroRun = 17;
        public const int LongZeroRun = 18;
        public const int RestZero = 19;

        /// <summary>Bits of each code-length code length, and the longest code-length code.</summary>
        public const int LengthCodeLengthBits = 3;
        public const int LengthCodeBits = 7;

        /// <summary>Entries of all lookup tables, one after the other (see <see cref="Offset"/>): one array, one object header.</summary>
        public const int EntryCount = (1 << PatchFormat.MainCodeBits) + (PatchFormat.TableCount - 1) * (1 << PatchFormat.OtherCodeBits);

        /// <summary>Where the eight edit tables start in <see cref="Entries"/> (they follow the main table).</summary>
        public const int EditTablesOffset = 1 << PatchFormat.MainCodeBits;

        /// <summary>
        /// An edit table entry: bits 0-3 the code length, 4-6 the edit table of the next edit symbol
        /// (<see cref="EditContextMask"/>), 7-12 <c>G</c>: the gap code + 1 (1 to 33), <see cref="EditEndGap"/>
        /// for symbol 0 (the run's edits end), or <see cref="EditCandidateGap"/> + rank for a candidate edit,
        /// 13-14 the value kind, and bit 15 (<see cref="EditSlow"/>) set when the edit needs more than the
        /// entry: the end, a gap code of 16 and up, a candidate edit, a recent or an explicit value. The entry of no code is <see cref="EditNoCode"/> (code length 0, slow, <c>G</c> all ones), so the
        /// fast path never sees it and the slow path tells it apart only among the long gaps.
        /// </summary>
        public const int EditContextMask = 0x70;
        public const int EditGapShift = 7;
        public const int EditGapMask = 0x3F;
        public const int EditKindShift = 13;
        public const int EditSlow = 0x8000;
        public const int EditEndGap = PatchFormat.GapCodes + 1;
        public const int EditCandidateGap = 40;
        public const int EditNoCode = EditSlow | (EditGapMask << EditGapShift);

        /// <summary>
        /// The main table's entry of no code: code length 0 like every table's, but above every symbol, so
        /// the literal loop's one test (a literal or not) also stops at it.
        /// </summary>
        public const int NoMainCode = 0xFFF0;

        /// <summary>Bytes of the lookup tables, the scratch used to build them (used symbols with their lengths, counters) and the candidate prefixes.</summary>
        public const int WorkingMemoryBytes = 2 * EntryCount + 2 * PatchFormat.MaxSymbols + 2 * 16 * 4 + CandidateSet.WorkingMemoryBytes;

        /// <summary>The segment's candidate prefixes, which follow its code lengths.</summary>
        public readonly CandidateSet Candidates = new CandidateSet();

        /// <summary>Every lookup table; a field so the patcher's loops index it without a call.</summary>
        public readonly ushort[] Entries = new ushort[EntryCount];

        /// <summary>The used symbols of the table being read, in symbol order, as symbol * 16 + code length.</summary>
        private readonly ushort[] _used = new ushort[PatchFormat.MaxSymbols];
        private readonly int[] _lengthCounts = new int[16];
        private readonly int[] _nextCode = new int[16];

        /// <summary>The edit table entry of each edit symbol, without its code length (see <see cref="EditSlow"/>).</summary>
        private static readonly ushort[] EditEntry;

        // An explicit static constructor (no beforefieldinit): the table is made when the first patcher is
        // created, never in the middle of a patch (nanoFramework runs static constructors at boot anyway).
        static HuffmanTables()
        {
            EditEntry = BuildEditEntries();
        }

        private static ushort[] BuildEditEntries()
        {
            ushort[] entries = new ushort[PatchFormat.EditSymbols];
            entries[0] = (ushort)(EditSlow | (EditEndGap << EditGapShift));
            for (int s = PatchFormat.CandidateSymbol; s < PatchFormat.EditSymbols; s++)
            {
                int rank = (s - PatchFormat.CandidateSymbol) >> 2;
                int kind = (s - PatchFormat.CandidateSymbol) & 3;
                entries[s] = (ushort)(EditSlow | (kind << EditKindShift) | ((EditCandidateGap + rank) << EditGapShift) | (PatchFormat.EditContext(s) << 4));
            }
            for (int s = 1; s < PatchFormat.CandidateSymbol; s++)
            {
                int gapCode = (s - 1) >> 2;
                int kind = (s - 1) & 3;
                bool slow = gapCode >= 16 || kind >= PatchFormat.KindRecent;
                entries[s] = (ushort)((slow ? EditSlow : 0) | (kind << EditKindShift) | ((gapCode + 1) << EditGapShift) | (PatchFormat.EditContext(s) << 4));
            }
            return entries;
        }

        /// <summary>Where table <paramref name="table"/>'s entries start in <see cref="Entries"/>: the main table first, then 256 per table.</summary>
        public static int Offset(int table)
        {
            return table == PatchFormat.TableMain ? 0 : (1 << PatchFormat.MainCodeBits) + ((table - 1) << PatchFormat.OtherCodeBits);
        }

        /// <summary>Reads the code-length code, then the code lengths of every table, builds the tables, and reads the candidate prefixes.</summary>
        public void Read(BitReader reader)
        {
            Array.Clear(_lengthCounts, 0, 16);
            int used = 0;
            for (int i = 0; i < LengthSymbols; i++)
            {
                int length = reader.ReadBits(LengthCodeLengthBits);
                _lengthCounts[length]++;
                if (length != 0) _used[used++] = (ushort)((i << 4) | length);
            }
            _lengthCounts[0] = 0;
            // The code-length code's lookup table borrows the distance table, which is read last: its
            // own table is built only after its lengths are read.
            Build(Offset(PatchFormat.TableDistance), LengthCodeBits, used, false);
            for (int t = 0; t < PatchFormat.TableCount; t++) ReadOne(reader, t);
            Candidates.Read(reader);
        }

        /// <summary>
        /// Reads one table's code lengths. Only used symbols are kept (a zero run is one step), so a
        /// table a segment hardly uses costs next to nothing to read and build.
        /// </summary>
        private void ReadOne(BitReader reader, int table)
        {
            int symbols = PatchFormat.SymbolCount(table);
            int maxBits = PatchFormat.CodeBits(table);
            int[] counts = _lengthCounts;
            ushort[] usedSymbols = _used;
            ushort[] entries = Entries;
            Array.Clear(counts, 0, 16);
            int lengthTable = Offset(PatchFormat.TableDistance);
            int previous = 0;
            int used = 0;
            int i = 0;
            // The bit buffer in locals: at least 16 bits before each item, so its 7-bit symbol and up to
            // 7 extra bits need no further refill.
            uint bits = reader.Bits;
            int count = reader.Count;
            byte[] input = reader.Input;
            while (i < symbols)
            {
                if (count < 16)
                {
                    int position = reader.InputPosition;
                    if (position + 2 <= reader.InputLength)
                    {
                        // The refill's common case inline: two bytes.
                        bits = (bits << 16) | (uint)(input[position] << 8) | input[position + 1];
                        reader.InputPosition = position + 2;
                        count += 16;
                    }
                    else
                    {
                        reader.Bits = bits;
                        reader.Count = count;
                        reader.Refill();
                        bits = reader.Bits;
                        count = reader.Count;
                    }
                }
                int entry = entries[lengthTable + ((int)(bits >> (count - LengthCodeBits)) & ((1 << LengthCodeBits) - 1))];
                if (entry == 0)
                    throw new PatchDataException(PatchError.CorruptStream, "the coded bits match no code of the segment's table; the patch is corrupted.");
                count -= entry & 15;
                int symbol = entry >> 4;
                // One unsigned test for the common item, a length from 1 to the table's longest.
                if ((uint)(symbol - 1) < (uint)maxBits)
                {
                    usedSymbols[used++] = (ushort)((i << 4) | symbol);
                    counts[symbol]++;
                    previous = symbol;
                    i++;
                    continue;
                }
                if (symbol < RepeatPrevious)
                {
                    if (symbol != 0)
                        throw new PatchDataException(PatchError.CorruptStream, "a code table of a segment has a code of " + symbol + " bits; at most " + maxBits + " are allowed.");
                    previous = 0;
                    i++;
                    continue;
                }
                // The rest of the table unused: a table a segment does not use at all is one item.
                if (symbol == RestZero) break;
                int run;
                if (symbol == RepeatPrevious)
                {
                    count -= 2;
                    run = 3 + ((int)(bits >> count) & 3);
                }
                else if (symbol == ShortZeroRun)
                {
                    count -= 3;
                    run = 3 + ((int)(bits >> count) & 7);
                    previous = 0;
                }
                else
                {
                    count -= 7;
                    run = 11 + ((int)(bits >> count) & 127);
                    previous = 0;
                }
                if (run > symbols - i)
                    throw new PatchDataException(PatchError.CorruptStream, "a code table of a segment lists more symbols than its alphabet has; the patch is corrupted.");
                if (previous != 0)
                {
                    for (int k = 0; k < run; k++) usedSymbols[used++] = (ushort)(((i + k) << 4) | previous);
                    counts[previous] += run;
                }
                i += run;
            }
            reader.Bits = bits;
            reader.Count = count;
            Build(Offset(table), maxBits, used, table >= PatchFormat.TableEdit && table < PatchFormat.TableValue);
        }

        /// <summary>
        /// Canonical codes: shorter first, equal lengths in symbol order; an over-full code is refused.
        /// Each used symbol's code covers 2^(maxBits - length) consecutive entries, filled by doubling
        /// native copies.
        /// </summary>
        private void Build(int offset, int maxBits, int used, bool editTable)
        {
            int[] counts = _lengthCounts;
            int[] nextCode = _nextCode;
            int code = 0;
            for (int length = 1; length <= maxBits; length++)
            {
                code = (code + counts[length - 1]) << 1;
                nextCode[length] = code;
                if (code + counts[length] > (1 << length))
                    throw new PatchDataException(PatchError.CorruptStream, "a code table of a segment assigns more codes than its lengths allow; the patch is corrupted.");
            }
            ushort[] table = Entries;
            ushort[] usedSymbols = _used;
            ushort[] editEntry = EditEntry;
            int empty = editTable ? EditNoCode : offset == 0 ? NoMainCode : 0;
            if (empty != 0)
            {
                table[offset] = (ushort)empty;
                for (int done = 1; done < 1 << maxBits; done += done) Array.Copy(table, offset, table, offset + done, done);
            }
            else Array.Clear(table, offset, 1 << maxBits);
            for (int u = 0; u < used; u++)
            {
                int item = usedSymbols[u];
                int length = item & 15;
                int shift = maxBits - length;
                int first = offset + (nextCode[length]++ << shift);
                ushort entry = editTable ? (ushort)(editEntry[item >> 4] | length) : (ushort)item;
                table[first] = entry;
                if (shift == 0) continue;
                table[first + 1] = entry;
                if (shift == 1) continue;
                table[first + 2] = entry;
                table[first + 3] = entry;
                int span = 1 << shift;
                for (int done = 4; done < span; done += done) Array.Copy(table, first, table, first + done, done);
            }
        }
    }
}
