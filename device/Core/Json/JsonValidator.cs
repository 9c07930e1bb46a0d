namespace SecureOta.Device.Core.Json
{
    /// <summary>
    /// The recursive-descent checker behind <see cref="JsonReader"/>: one instance per document. It checks
    /// every rule of docs/PROTOCOL.md section 3 over the whole document, members nobody reads included, and
    /// builds nothing: the only memory it takes is a small stack of member-name positions (for the duplicate
    /// rule), so a document full of unknown members costs its bytes and no more. Readers then look values up
    /// lazily (<see cref="JsonObject"/>, <see cref="JsonArray"/>). A rule broken anywhere raises
    /// <see cref="JsonMalformedException"/>, which the reader turns into a reason. Recursion is bounded by
    /// <see cref="JsonReader.MaxDepth"/>, so a hostile document cannot exhaust the stack.
    /// </summary>
    internal sealed class JsonValidator
    {
        private readonly byte[] _data;
        private readonly int _end;
        // Positions of the names of the objects open now, innermost last; grows to at most MaxDepth x MaxMembers.
        private int[] _names = new int[16];
        private int _nameCount;
        private readonly JsonSpans _spans = new JsonSpans();
        private int _position;
        private int _depth;

        public JsonValidator(byte[] data, int offset, int count)
        {
            _data = data;
            _position = offset;
            _end = offset + count;
        }

        /// <summary>Where the first containers and long strings end, for the views that read the document afterwards.</summary>
        public JsonSpans Spans { get { return _spans; } }

        /// <summary>Checks the whole range as one value with nothing but whitespace around it; returns where the value starts.</summary>
        public int CheckDocument()
        {
            SkipWhitespace();
            int start = _position;
            ReadValue();
            SkipWhitespace();
            if (_position != _end) Fail("unexpected data after the JSON value");
            return start;
        }

        private void ReadValue()
        {
            if (_position >= _end) Fail("unexpected end of document, expected a value");
            byte next = _data[_position];
            switch (next)
            {
                case (byte)'{':
                    ReadObject();
                    return;
                case (byte)'[':
                    ReadArray();
                    return;
                case (byte)'"':
                    int start = _position;
                    ReadString();
                    if (_position - start >= JsonSpans.MinStringLength) _spans.Close(_spans.Reserve(start), _position);
                    return;
                case (byte)'t':
                    ReadLiteral("true");
                    return;
                case (byte)'f':
                    ReadLiteral("false");
                    return;
                case (byte)'n':
                    ReadLiteral("null");
                    return;
                case (byte)'-':
                    Fail("negative numbers are not allowed");
                    return;
                default:
                    if (IsDigit(next))
                    {
                        ReadInteger();
                        return;
                    }
                    Fail("unexpected character, expected a value");
                    return;
            }
        }

        /// <summary>
        /// Checks an object: each name against the earlier names of the same object (decoded comparison,
        /// no allocation per name: their positions sit on one stack, of at most MaxDepth x MaxMembers entries).
        /// </summary>
        private void ReadObject()
        {
            Enter();
            int slot = _spans.Reserve(_position);
            int frame = _nameCount;
            _position++;
            SkipWhitespace();
            if (Peek() == '}')
            {
                _position++;
                _spans.Close(slot, _position);
                _depth--;
                return;
            }
            while (true)
            {
                if (Peek() != '"') Fail("expected a member name in double quotes");
                int nameAt = _position;
                ReadString();
                if (_nameCount - frame >= JsonReader.MaxMembers)
                    FailAt(nameAt, "an object has more than " + JsonReader.MaxMembers + " members");
                for (int i = frame; i < _nameCount; i++)
                {
                    if (JsonText.StringsEqual(_data, _names[i], nameAt))
                        FailAt(nameAt, "duplicate member name \"" + JsonText.DecodeString(_data, nameAt) + "\"");
                }
                if (_nameCount == _names.Length)
                {
                    int[] larger = new int[_names.Length * 2];
                    System.Array.Copy(_names, larger, _names.Length);
                    _names = larger;
                }
                _names[_nameCount++] = nameAt;
                SkipWhitespace();
                Expect((byte)':', "expected ':' after a member name");
                SkipWhitespace();
                ReadValue();
                SkipWhitespace();
                if (Peek() == ',')
                {
                    _position++;
                    SkipWhitespace();
                    continue;
                }
                Expect((byte)'}', "expected ',' or '}' in an object");
                _spans.Close(slot, _position);
                _nameCount = frame;
                _depth--;
                return;
            }
        }

        private void ReadArray()
        {
            Enter();
            int slot = _spans.Reserve(_position);
            _position++;
            SkipWhitespace();
            if (Peek() == ']')
            {
                _position++;
                _spans.Close(slot, _position);
                _depth--;
                return;
            }
            while (true)
            {
                ReadValue();
                SkipWhitespace();
                if (Peek() == ',')
                {
                    _position++;
                    SkipWhitespace();
                    continue;
                }
                Expect((byte)']', "expected ',' or ']' in an array");
                _spans.Close(slot, _position);
                _depth--;
                return;
            }
        }

        private void Enter()
        {
            _depth++;
            if (_depth > JsonReader.MaxDepth) Fail("nesting deeper than " + JsonReader.MaxDepth + " levels");
        }

        /// <summary>Checks a string starting at its opening quote: UTF-8, no raw control bytes, RFC 8259 escapes only.</summary>
        private void ReadString()
        {
            byte[] data = _data;
            int end = _end;
            int position = _position + 1;
            while (true)
            {
                // The run of plain ASCII (0x23..0x7f but the backslash) first, in locals: documents are mostly
                // long base64 and hex strings, and each byte of them costs this loop alone (about 20
                // instructions instead of 30 through the fields).
                int current = 0;
                while (position < end)
                {
                    current = data[position];
                    if (current < 0x23 || current == '\\' || current >= 0x80) break;
                    position++;
                }
                _position = position;
                if (position >= end) Fail("unterminated string");
                if (current == '"')
                {
                    _position = position + 1;
                    return;
                }
                if (current == '\\')
                {
                    _position = position + 1;
                    ReadEscape();
                }
                else if (current < 0x20) Fail("unescaped control character in a string");
                else if (current < 0x80) _position = position + 1;
                else SkipUtf8Sequence();
                position = _position;
            }
        }

        private void ReadEscape()
        {
            if (_position >= _end) Fail("unterminated escape");
            byte kind = _data[_position++];
            switch (kind)
            {
                case (byte)'"':
                case (byte)'\\':
                case (byte)'/':
                case (byte)'b':
                case (byte)'f':
                case (byte)'n':
                case (byte)'r':
                case (byte)'t':
                    return;
                case (byte)'u': break;
                default: FailAt(_position - 2, "unknown escape"); return;
            }

            int unit = ReadHexUnit();
            if (unit == 0) FailAt(_position - 6, "\\u0000 is not allowed in strings");
            if (unit >= 0xDC00 && unit <= 0xDFFF) FailAt(_position - 6, "unpaired low surrogate escape");
            if (unit >= 0xD800 && unit <= 0xDBFF)
            {
                if (_position + 2 > _end || _data[_position] != '\\' || _data[_position + 1] != 'u')
                    FailAt(_position - 6, "unpaired high surrogate escape");
                _position += 2;
                int low = ReadHexUnit();
                if (low < 0xDC00 || low > 0xDFFF) FailAt(_position - 6, "high surrogate escape not followed by a low surrogate");
            }
        }

        private int ReadHexUnit()
        {
            if (_position + 4 > _end) Fail("truncated \\u escape");
            int unit = 0;
            for (int i = 0; i < 4; i++)
            {
                int digit = HexValue(_data[_position + i]);
                if (digit < 0) Fail("\\u escape needs four hex digits");
                unit = (unit << 4) | digit;
            }
            _position += 4;
            return unit;
        }

        private void SkipUtf8Sequence()
        {
            int length = Utf8Sequence.ValidLength(_data, _position, _end);
            if (length < 0) Fail("invalid UTF-8 sequence");
            _position += length;
        }

        /// <summary>Checks 0 or [1-9][0-9]* up to 2^53 - 1 without ever overflowing.</summary>
        private void ReadInteger()
        {
            int start = _position;
            long value = 0;
            if (_data[_position] == '0')
            {
                _position++;
                if (_position < _end && IsDigit(_data[_position])) FailAt(start, "number with a leading zero");
            }
            else
            {
                while (_position < _end && IsDigit(_data[_position]))
                {
                    int digit = _data[_position] - '0';
                    if (value > (JsonReader.MaxInteger - digit) / 10) FailAt(start, "integer larger than 2^53 - 1");
                    value = value * 10 + digit;
                    _position++;
                }
            }
            if (_position < _end)
            {
                byte next = _data[_position];
                if (next == '.' || next == 'e' || next == 'E') FailAt(start, "numbers must be integers (no fraction or exponent)");
            }
        }

        private void ReadLiteral(string literal)
        {
            if (_position + literal.Length > _end) Fail("truncated literal");
            for (int i = 0; i < literal.Length; i++)
            {
                if (_data[_position + i] != literal[i]) Fail("invalid literal");
            }
            _position += literal.Length;
        }

        private void SkipWhitespace()
        {
            while (_position < _end)
            {
                byte current = _data[_position];
                if (current != ' ' && current != '\t' && current != '\n' && current != '\r') return;
                _position++;
            }
        }

        /// <summary>The next byte, or -1 at the end of the document.</summary>
        private int Peek()
        {
            return _position < _end ? _data[_position] : -1;
        }

        private void Expect(byte expected, string message)
        {
            if (Peek() != expected) Fail(message);
            _position++;
        }

        private static bool IsDigit(byte value)
        {
            return value >= '0' && value <= '9';
        }

        private static int HexValue(byte value)
        {
            if (value >= '0' && value <= '9') return value - '0';
            if (value >= 'a' && value <= 'f') return value - 'a' + 10;
            if (value >= 'A' && value <= 'F') return value - 'A' + 10;
            return -1;
        }

        private void Fail(string message)
        {
            FailAt(_position, message);
        }

        private void FailAt(int position, string message)
        {
            throw new JsonMalformedException(message + " (at byte " + position + ")");
        }
    }
}
