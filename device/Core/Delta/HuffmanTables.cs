using System;

namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// The six canonical Huffman codes of a segment (docs/PROTOCOL.md section 11a.4), read from the
    /// segment's start and turned into lookup tables: entry = symbol * 16 + code length, indexed by the
    /// next <see cref="PatchFormat.CodeBits"/> bits of the stream, so a symbol costs one table read.
    /// An entry of length 0 is a bit pattern no code starts with. Allocated once and refilled per segment.
    /// </summary>
    internal sealed class HuffmanTables
    {
        /// <summary>Bits of a stored code length; a length of 0 (symbol unused) is followed by a run count.</summary>
        public const int LengthBits = 4;

        /// <summary>Bits of the run count after a zero length: 1 + count symbols are unused.</summary>
        public const int ZeroRunBits = 5;

        /// <summary>Bytes of the lookup tables and the scratch used to build them.</summary>
        public const int WorkingMemoryBytes = 2 * ((1 << PatchFormat.MainCodeBits) + (PatchFormat.AlphabetCount - 1) * (1 << PatchFormat.OtherCodeBits))
            + PatchFormat.MainSymbols + 2 * 16 * 4;

        private readonly ushort[][] _tables = new ushort[PatchFormat.AlphabetCount][];
        private readonly byte[] _lengths = new byte[PatchFormat.MainSymbols];
        private readonly int[] _lengthCounts = new int[16];
        private readonly int[] _nextCode = new int[16];

        public HuffmanTables()
        {
            for (int a = 0; a < PatchFormat.AlphabetCount; a++) _tables[a] = new ushort[1 << PatchFormat.CodeBits(a)];
        }

        /// <summary>The lookup table of alphabet <paramref name="alphabet"/>.</summary>
        public ushort[] Table(int alphabet)
        {
            return _tables[alphabet];
        }

        /// <summary>Reads the code lengths of all six alphabets and builds their tables.</summary>
        public void Read(BitReader reader)
        {
            for (int a = 0; a < PatchFormat.AlphabetCount; a++) ReadOne(reader, a);
        }

        private void ReadOne(BitReader reader, int alphabet)
        {
            int symbols = PatchFormat.SymbolCount(alphabet);
            int maxBits = PatchFormat.CodeBits(alphabet);
            Array.Clear(_lengthCounts, 0, 16);
            int i = 0;
            while (i < symbols)
            {
                int length = reader.ReadBits(LengthBits);
                if (length == 0)
                {
                    int run = 1 + reader.ReadBits(ZeroRunBits);
                    if (run > symbols - i)
                        throw new PatchDataException(PatchError.CorruptStream, "a code table of a segment lists more symbols than its alphabet has; the patch is corrupted.");
                    for (int k = 0; k < run; k++) _lengths[i++] = 0;
                    continue;
                }
                if (length > maxBits)
                    throw new PatchDataException(PatchError.CorruptStream, "a code table of a segment has a code of " + length + " bits; at most " + maxBits + " are allowed.");
                _lengths[i++] = (byte)length;
                _lengthCounts[length]++;
            }
            Build(_tables[alphabet], maxBits, symbols);
        }

        /// <summary>Canonical codes: shorter first, equal lengths in symbol order; an over-full code is refused.</summary>
        private void Build(ushort[] table, int maxBits, int symbols)
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
            Array.Clear(table, 0, table.Length);
            for (int s = 0; s < symbols; s++)
            {
                int length = _lengths[s];
                if (length == 0) continue;
                int shift = maxBits - length;
                int first = _nextCode[length]++ << shift;
                int end = first + (1 << shift);
                ushort entry = (ushort)((s << 4) | length);
                for (int k = first; k < end; k++) table[k] = entry;
            }
        }
    }
}
