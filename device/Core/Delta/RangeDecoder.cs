namespace SecureOta.Device.Core.Delta
{
    /// <summary>
    /// The binary range decoder of docs/PROTOCOL.md section 11a (the LZMA construction with 12-bit
    /// probabilities and a 1/16 adaptation step). It pulls the patch through a small buffer, so one
    /// interface call fetches up to <see cref="InputBufferSize"/> bytes. It also serves the raw header
    /// bytes that precede the coded stream. Work is per coded bit, never per copied byte.
    /// </summary>
    internal sealed class RangeDecoder
    {
        public const int InputBufferSize = 256;

        private const uint TopValue = 1u << 24;

        private readonly byte[] _input = new byte[InputBufferSize];
        private IPatchSource _source;
        private int _inputPosition;
        private int _inputLength;
        private bool _sourceEnded;
        private uint _range;
        private uint _code;
        private long _bitCount;

        /// <summary>Binary decisions decoded since <see cref="Attach"/>: the patcher's managed work measure.</summary>
        public long BitCount { get { return _bitCount; } }

        /// <summary>Patch bytes consumed since <see cref="Attach"/>.</summary>
        public long BytesConsumed { get; private set; }

        public void Attach(IPatchSource source)
        {
            _source = source;
            _inputPosition = 0;
            _inputLength = 0;
            _sourceEnded = false;
            _bitCount = 0;
            BytesConsumed = 0;
        }

        /// <summary>One byte before the coded stream starts (the header).</summary>
        public int ReadRawByte()
        {
            return NextByte();
        }

        /// <summary>Starts the coded stream: a zero byte, then the first four code bytes.</summary>
        public void Start()
        {
            if (NextByte() != 0)
                throw new PatchDataException(PatchError.CorruptStream, "the coded stream does not start with a zero byte; this is not a patch made by this format's encoder.");
            _range = 0xFFFFFFFF;
            _code = 0;
            for (int i = 0; i < 4; i++) _code = (_code << 8) | (uint)NextByte();
            if (_code == 0xFFFFFFFF)
                throw new PatchDataException(PatchError.CorruptStream, "the coded stream starts with an impossible code value.");
        }

        /// <summary>Decodes one bit with probability probabilities[index] of a 0, and adapts it.</summary>
        public int DecodeBit(ushort[] probabilities, int index)
        {
            _bitCount++;
            uint p = probabilities[index];
            uint bound = (_range >> PatchModel.ProbabilityBits) * p;
            int bit;
            if (_code < bound)
            {
                _range = bound;
                probabilities[index] = (ushort)(p + (((1u << PatchModel.ProbabilityBits) - p) >> PatchModel.AdaptShift));
                bit = 0;
            }
            else
            {
                _code -= bound;
                _range -= bound;
                probabilities[index] = (ushort)(p - (p >> PatchModel.AdaptShift));
                bit = 1;
            }
            // A probability near its bound can leave the range below 2^16, so one shift may not suffice.
            while (_range < TopValue)
            {
                _range <<= 8;
                _code = (_code << 8) | (uint)NextByte();
            }
            return bit;
        }

        /// <summary>Decodes <paramref name="count"/> (at most 30) equiprobable bits, most significant first.</summary>
        public int DecodeDirect(int count)
        {
            int value = 0;
            for (int i = 0; i < count; i++)
            {
                _bitCount++;
                _range >>= 1;
                int bit = 0;
                if (_code >= _range)
                {
                    _code -= _range;
                    bit = 1;
                }
                value = (value << 1) | bit;
                if (_range < TopValue)
                {
                    _range <<= 8;
                    _code = (_code << 8) | (uint)NextByte();
                }
            }
            return value;
        }

        /// <summary>
        /// After the last symbol: the encoder's flush leaves the code at exactly 0 with every byte read,
        /// and the patch must end there.
        /// </summary>
        public void Finish()
        {
            if (_code != 0)
                throw new PatchDataException(PatchError.CorruptStream, "the coded stream does not end as the encoder ends it; the patch is corrupted.");
            if (_inputPosition < _inputLength || (!_sourceEnded && Refill()))
                throw new PatchDataException(PatchError.TrailingData, "bytes follow the end of the patch; it is not the patch the manifest lists.");
        }

        private int NextByte()
        {
            if (_inputPosition == _inputLength && !Refill())
                throw new PatchDataException(PatchError.Truncated, "the patch ended after " + BytesConsumed + " bytes, before the new image was complete.");
            BytesConsumed++;
            return _input[_inputPosition++];
        }

        private bool Refill()
        {
            if (_sourceEnded) return false;
            int count = _source.Read(_input, 0, _input.Length);
            if (count < 0 || count > _input.Length)
                throw new System.InvalidOperationException("IPatchSource.Read returned " + count + " for a request of " + _input.Length + " bytes");
            if (count == 0)
            {
                _sourceEnded = true;
                return false;
            }
            _inputPosition = 0;
            _inputLength = count;
            return true;
        }
    }
}
