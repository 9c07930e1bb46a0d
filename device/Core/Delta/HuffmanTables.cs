using System;

namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// The canonical Huffman codes of a segment (docs/PROTOCOL.md section 11a.4), read from the
    /// segment's start and turned into lookup tables: entry = symbol * 16 + code length, indexed by the
    /// next <see cref="PatchFormat.CodeBits"/> bits of the stream, so a symbol costs one table read.
    /// An entry of length 0 is a bit pattern no code starts with. Allocated once and refilled per segment.
    /// </summary>
    internal sealed class HuffmanTables
    {
        /// <summary>Symbols of the code-length code: lengths 0..15, then repeat, short zero run, long zero run.</summary>
        public const int LengthSymbols = 19;
        public const int RepeatPrevious = 16;
        public const int ShortZeroRun = 17;
        public const int LongZeroRun = 18;

        /// <summary>Bits of each code-length code length, and the longest code-length code.</summary>
        public const int LengthCodeLengthBits = 3;
        public const int LengthCodeBits = 7;

        /// <summary>Bytes of the lookup tables and the scratch used to build them.</summary>
        public const int WorkingMemoryBytes = 2 * ((1 << PatchFormat.MainCodeBits) + (PatchFormat.TableCount - 1) * (1 << PatchFormat.OtherCodeBits))
            + PatchFormat.MaxSymbols + LengthSymbols + 2 * 16 * 4;

        /// <summary>Entries of all lookup tables, one after the other (see <see cref="Offset"/>): one array, one object header.</summary>
        public const int EntryCount = (1 << PatchFormat.MainCodeBits) + (PatchFormat.TableCount - 1) * (1 << PatchFormat.OtherCodeBits);

        /// <summary>Every lookup table; a field so the patcher's loops index it without a call.</summary>
        public readonly ushort[] Entries = new ushort[EntryCount];
        private readonly byte[] _lengths = new byte[PatchFormat.MaxSymbols];
        private readonly byte[] _lengthCodeLengths = new byte[LengthSymbols];
        private readonly int[] _lengthCounts = new int[16];
        private readonly int[] _nextCode = new int[16];

        /// <summary>Where table <paramref name="table"/>'s entries start in <see cref="Entries"/>: the main table first, then 256 per table.</summary>
        public static int Offset(int table)
        {
            return table == PatchFormat.TableMain ? 0 : (1 << PatchFormat.MainCodeBits) + ((table - 1) << PatchFormat.OtherCodeBits);
        }

        /// <summary>Reads the code-length code, then the code lengths of every table, and builds the tables.</summary>
        public void Read(BitReader reader)
        {
            Array.Clear(_lengthCounts, 0, 16);
            for (int i = 0; i < LengthSymbols; i++)
            {
                int length = reader.ReadBits(LengthCodeLengthBits);
                _lengthCodeLengths[i] = (byte)length;
                _lengthCounts[length]++;
            }
            _lengthCounts[0] = 0;
            // The code-length code's lookup table borrows the distance table, which is read last: its
            // own table is built only after its lengths are read.
            Build(Offset(PatchFormat.TableDistance), LengthCodeBits, _lengthCodeLengths, LengthSymbols);
            for (int t = 0; t < PatchFormat.TableCount; t++) ReadOne(reader, t);
        }

        private void ReadOne(BitReader reader, int table)
        {
            int symbols = PatchFormat.SymbolCount(table);
            int maxBits = PatchFormat.CodeBits(table);
            Array.Clear(_lengthCounts, 0, 16);
            int previous = 0;
            int i = 0;
            while (i < symbols)
            {
                int symbol = reader.Decode(Entries, Offset(PatchFormat.TableDistance), LengthCodeBits);
                int run = 1;
                int length = symbol;
                if (symbol == RepeatPrevious)
                {
                    run = 3 + reader.ReadBits(2);
                    length = previous;
                }
                else if (symbol == ShortZeroRun)
                {
                    run = 3 + reader.ReadBits(3);
                    length = 0;
                }
                else if (symbol == LongZeroRun)
                {
                    run = 11 + reader.ReadBits(7);
                    length = 0;
                }
                if (run > symbols - i)
                    throw new PatchDataException(PatchError.CorruptStream, "a code table of a segment lists more symbols than its alphabet has; the patch is corrupted.");
                if (length > maxBits)
                    throw new PatchDataException(PatchError.CorruptStream, "a code table of a segment has a code of " + length + " bits; at most " + maxBits + " are allowed.");
                for (int k = 0; k < run; k++) _lengths[i++] = (byte)length;
                _lengthCounts[length] += run;
                previous = length;
            }
            _lengthCounts[0] = 0;
            Build(Offset(table), maxBits, _lengths, symbols);
        }

        /// <summary>Canonical codes: shorter first, equal lengths in symbol order; an over-full code is refused.</summary>
        private void Build(int offset, int maxBits, byte[] lengths, int symbols)
        {
            int code = 0;
            for (int length = 1; length <= maxBits; length++)
            {
                code = (code + _lengthCounts[length - 1]) << 1;
                if (length == 1) code = 0;
                _nextCode[length] = code;
                if (code + _lengthCounts[length] > (1 << length))
                    throw new PatchDataException(PatchError.CorruptStream, "a code table of a segment assigns more codes than its lengths allow; the patch is corrupted.");
            }
            ushort[] table = Entries;
            Array.Clear(table, offset, 1 << maxBits);
            for (int s = 0; s < symbols; s++)
            {
                int length = lengths[s];
                if (length == 0) continue;
                int shift = maxBits - length;
                int first = offset + (_nextCode[length]++ << shift);
                int end = first + (1 << shift);
                ushort entry = (ushort)((s << 4) | length);
                table[first] = entry;
                // A short code fills many entries: double them with native copies.
                for (int done = 1; done < end - first; done += done)
                {
                    Array.Copy(table, first, table, first + done, done < end - first - done ? done : end - first - done);
                }
            }
        }
    }
}
