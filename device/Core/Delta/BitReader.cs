namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// Reads the patch: the header and segment headers byte by byte, each segment's coded part as bits,
    /// most significant first, through a 32-bit buffer. It never fetches past the coded length the
    /// segment header declared: past it the buffer fills with zero bits, and consuming more than a few
    /// of those is refused, so a segment is decoded or refused within its own bytes. The buffer fields
    /// are open to the patcher's literal loop, which inlines the refill (an interpreted call per byte
    /// would cost more than the byte's work).
    /// </summary>
    internal sealed class BitReader
    {
        public const int InputBufferSize = 128;

        /// <summary>Zero bytes the buffer may take past a segment's end before the segment is refused.</summary>
        private const int MaxPhantomBytes = 4;

        public readonly byte[] Input = new byte[InputBufferSize];
        public int InputPosition;
        public int InputLength;

        /// <summary>Bits not yet consumed, right-aligned in <see cref="Bits"/>; bits above <see cref="Count"/> are stale.</summary>
        public uint Bits;
        public int Count;

        /// <summary>
        /// Per number code (section 11a.4) its extra bits and its value with zero extra bits: codes 0..6 are
        /// the values, code c from 7 on has (c - 3) / 4 extra bits after a leading 1 and the two bits
        /// (c - 7) mod 4, less one. One table read replaces the shifts that derive them per number.
        /// </summary>
        public static readonly byte[] NumberExtra;
        public static readonly int[] NumberBase;

        /// <summary>
        /// Per symbol of a signed table (sign * 119 + number code of magnitude - 1) its extra bits, and the
        /// value ±(number + 1) as (SignedBase + extra bits) ^ SignedFlip: for a negative one ~(base + bits).
        /// </summary>
        public static readonly byte[] SignedExtra;
        public static readonly int[] SignedBase;
        public static readonly int[] SignedFlip;

        // An explicit static constructor (no beforefieldinit): the tables are made when the first patcher is
        // created, never in the middle of a patch (nanoFramework runs static constructors at boot anyway).
        static BitReader()
        {
            NumberExtra = new byte[PatchFormat.NumberCodes];
            NumberBase = BuildNumberBases();
            SignedExtra = new byte[PatchFormat.SignedSymbols];
            SignedBase = new int[PatchFormat.SignedSymbols];
            SignedFlip = new int[PatchFormat.SignedSymbols];
            for (int symbol = 0; symbol < PatchFormat.SignedSymbols; symbol++)
            {
                bool negative = symbol >= PatchFormat.NumberCodes;
                int code = negative ? symbol - PatchFormat.NumberCodes : symbol;
                SignedExtra[symbol] = NumberExtra[code];
                SignedBase[symbol] = negative ? NumberBase[code] : NumberBase[code] + 1;
                SignedFlip[symbol] = negative ? -1 : 0;
            }
        }

        private static int[] BuildNumberBases()
        {
            int[] bases = new int[PatchFormat.NumberCodes];
            for (int code = 0; code < PatchFormat.NumberCodes; code++)
            {
                if (code < 7)
                {
                    bases[code] = code;
                    continue;
                }
                int extra = (code - 3) >> 2;
                NumberExtra[code] = (byte)extra;
                // Code 118's leading bits reach bit 30 at most, so the base stays a positive int.
                bases[code] = ((4 | ((code + 1) & 3)) << extra) - 1;
            }
            return bases;
        }

        private IPatchSource _source;
        private int _segmentRemaining;
        private int _codedLength;
        private int _hiddenLength;
        private int _phantomBytes;

        /// <summary>Patch bytes fetched from the source (header, segment headers, coded bytes).</summary>
        public long BytesConsumed { get; private set; }

        /// <summary>Reads from <paramref name="source"/>, which starts at patch offset <paramref name="consumed"/>.</summary>
        public void Attach(IPatchSource source, long consumed)
        {
            _source = source;
            InputPosition = 0;
            InputLength = 0;
            Bits = 0;
            Count = 0;
            _segmentRemaining = 0;
            _codedLength = 0;
            _hiddenLength = 0;
            _phantomBytes = 0;
            BytesConsumed = consumed;
        }

        /// <summary>A byte outside any segment's coded part (the header, a segment header).</summary>
        public int ReadRawByte()
        {
            if (InputPosition == InputLength && !FetchFromSource(InputBufferSize))
                throw new PatchDataException(PatchError.Truncated, "the patch ended after " + BytesConsumed + " bytes, before the new image was complete.");
            BytesConsumed++;
            return Input[InputPosition++];
        }

        /// <summary>
        /// Starts a segment's coded part of <paramref name="codedLength"/> bytes with an empty bit buffer.
        /// Bytes already buffered past it are hidden until <see cref="EndSegment"/>.
        /// </summary>
        public void BeginSegment(int codedLength)
        {
            int buffered = InputLength - InputPosition;
            _hiddenLength = InputLength;
            if (buffered > codedLength)
            {
                InputLength = InputPosition + codedLength;
                _segmentRemaining = 0;
            }
            else _segmentRemaining = codedLength - buffered;
            _codedLength = codedLength;
            _phantomBytes = 0;
            Bits = 0;
            Count = 0;
        }

        /// <summary>
        /// Ends the segment: every coded byte must have been consumed but for zero padding bits of the
        /// last one, and no bit past the coded length.
        /// </summary>
        public void EndSegment()
        {
            int phantomBits = _phantomBytes * 8;
            if (Count < phantomBits)
                throw new PatchDataException(PatchError.BadSegment, "a segment's commands run past its declared coded length; the patch is corrupted.");
            int left = Count - phantomBits;
            if (left >= 8 || _segmentRemaining > 0 || InputPosition < InputLength || (left > 0 && ((Bits >> phantomBits) & ((1u << left) - 1)) != 0))
                throw new PatchDataException(PatchError.BadSegment, "a segment's commands end before its declared coded length; the patch is corrupted.");
            if (_hiddenLength > InputLength) InputLength = _hiddenLength;
            BytesConsumed += _codedLength;
            Bits = 0;
            Count = 0;
        }

        /// <summary>Tops the bit buffer up to at least 25 bits.</summary>
        public void Refill()
        {
            int position = InputPosition;
            if (Count <= 16 && position + 2 <= InputLength)
            {
                // The common case, two bytes at once.
                Bits = (Bits << 16) | (uint)(Input[position] << 8) | Input[position + 1];
                InputPosition = position + 2;
                Count += 16;
            }
            while (Count <= 24)
            {
                int next = InputPosition < InputLength ? Input[InputPosition++] : NextCodedByte();
                Bits = (Bits << 8) | (uint)next;
                Count += 8;
            }
        }

        /// <summary>
        /// The segment's next coded byte once the buffer is used up: fetched from the source, or a zero
        /// byte past the segment's end (a few are allowed so the bit buffer can run ahead of the commands).
        /// </summary>
        public int NextCodedByte()
        {
            if (_segmentRemaining == 0)
            {
                if (++_phantomBytes > MaxPhantomBytes)
                    throw new PatchDataException(PatchError.BadSegment, "a segment's commands run past its declared coded length; the patch is corrupted.");
                return 0;
            }
            int want = _segmentRemaining < InputBufferSize ? _segmentRemaining : InputBufferSize;
            if (!FetchFromSource(want))
                throw new PatchDataException(PatchError.Truncated, "the patch ended after " + (BytesConsumed + _codedLength - _segmentRemaining) +
                    " bytes, inside a segment that declares " + _codedLength + " coded bytes.");
            _segmentRemaining -= InputLength;
            _hiddenLength = InputLength;
            return Input[InputPosition++];
        }

        /// <summary>The next <paramref name="count"/> bits (0 to 31) as a number, most significant first.</summary>
        public int ReadBits(int count)
        {
            if (count == 0) return 0;
            if (count > 16)
            {
                int high = ReadBits(count - 16);
                return (high << 16) | ReadBits(16);
            }
            if (Count < count) Refill();
            Count -= count;
            return (int)(Bits >> Count) & ((1 << count) - 1);
        }

        /// <summary>A symbol of the canonical code whose lookup table is <paramref name="entries"/>[<paramref name="offset"/>, +2^<paramref name="bits"/>).</summary>
        public int Decode(ushort[] entries, int offset, int bits)
        {
            if (Count < bits) Refill();
            int entry = entries[offset + ((int)(Bits >> (Count - bits)) & ((1 << bits) - 1))];
            int length = entry & 15;
            if (length == 0)
                throw new PatchDataException(PatchError.CorruptStream, "the coded bits match no code of the segment's table; the patch is corrupted.");
            Count -= length;
            return entry >> 4;
        }

        /// <summary>
        /// A number (section 11a.4) whose code is a symbol of the table at <paramref name="entries"/>[<paramref name="offset"/>, +2^8),
        /// its extra bits taken from the buffer when it holds them; of a signed table (explicit edit
        /// values, seek deltas: sign * 119 + code of magnitude - 1) the signed value ±(number + 1).
        /// One call for what took a symbol decode, a number decode and a bit read.
        /// </summary>
        public int DecodeNumber(ushort[] entries, int offset, bool signedTable)
        {
            uint bits = Bits;
            int count = Count;
            if (count < 16)
            {
                // The refill's common case inline: two bytes.
                int position = InputPosition;
                if (position + 2 <= InputLength)
                {
                    byte[] input = Input;
                    bits = (bits << 16) | (uint)(input[position] << 8) | input[position + 1];
                    InputPosition = position + 2;
                    count += 16;
                }
                else
                {
                    Refill();
                    bits = Bits;
                    count = Count;
                }
            }
            int entry = entries[offset + ((int)(bits >> (count - PatchFormat.OtherCodeBits)) & ((1 << PatchFormat.OtherCodeBits) - 1))];
            if (entry == 0)
                throw new PatchDataException(PatchError.CorruptStream, "the coded bits match no code of the segment's table; the patch is corrupted.");
            count -= entry & 15;
            int code = entry >> 4;
            bool negative = false;
            if (signedTable && code >= PatchFormat.NumberCodes)
            {
                negative = true;
                code -= PatchFormat.NumberCodes;
            }
            int extra = NumberExtra[code];
            if (extra != 0)
            {
                if (extra <= count)
                {
                    count -= extra;
                    code = NumberBase[code] + ((int)(bits >> count) & ((1 << extra) - 1));
                }
                else
                {
                    Bits = bits;
                    Count = count;
                    code = NumberBase[code] + ReadBits(extra);
                    bits = Bits;
                    count = Count;
                }
            }
            Bits = bits;
            Count = count;
            if (!signedTable) return code;
            return negative ? -(code + 1) : code + 1;
        }

        /// <summary>After the last segment the patch must end.</summary>
        public void Finish()
        {
            if (InputPosition < InputLength || FetchFromSource(InputBufferSize))
                throw new PatchDataException(PatchError.TrailingData, "bytes follow the end of the patch; it is not the patch the manifest lists.");
        }

        private bool FetchFromSource(int want)
        {
            int count = _source.Read(Input, 0, want);
            if (count < 0 || count > want)
                throw new System.InvalidOperationException("IPatchSource.Read returned " + count + " for a request of " + want + " bytes");
            InputPosition = 0;
            InputLength = count;
            return count > 0;
        }
    }
}
