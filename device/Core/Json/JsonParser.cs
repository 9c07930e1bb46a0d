using System.Text;

namespace SecureOta.Device.Core.Json
{
    /// <summary>
    /// The recursive-descent parser behind <see cref="JsonReader"/>: one instance per document. A rule
    /// broken anywhere raises <see cref="JsonMalformedException"/>, which the reader turns into a reason.
    /// Recursion is bounded by <see cref="JsonReader.MaxDepth"/>, so a hostile document cannot exhaust
    /// the stack.
    /// </summary>
    internal sealed class JsonParser
    {
        private readonly byte[] _data;
        private readonly int _end;
        private int _position;
        private int _depth;

        public JsonParser(byte[] data, int offset, int count)
        {
            _data = data;
            _position = offset;
            _end = offset + count;
        }

        /// <summary>Parses the whole range as one value with nothing but whitespace around it.</summary>
        public object ParseDocument()
        {
            SkipWhitespace();
            object result = ReadValue();
            SkipWhitespace();
            if (_position != _end) Fail("unexpected data after the JSON value");
            return result;
        }

        private object ReadValue()
        {
            if (_position >= _end) Fail("unexpected end of document, expected a value");
            byte next = _data[_position];
            switch (next)
            {
                case (byte)'{':
                    return ReadObject();
                case (byte)'[':
                    return ReadArray();
                case (byte)'"':
                    return ReadString();
                case (byte)'t':
                    ReadLiteral("true");
                    return true;
                case (byte)'f':
                    ReadLiteral("false");
                    return false;
                case (byte)'n':
                    ReadLiteral("null");
                    return JsonNull.Value;
                case (byte)'-':
                    Fail("negative numbers are not allowed");
                    return null;
                default:
                    if (IsDigit(next)) return ReadInteger();
                    Fail("unexpected character, expected a value");
                    return null;
            }
        }

        private JsonObject ReadObject()
        {
            Enter();
            JsonObject result = new JsonObject();
            _position++;
            SkipWhitespace();
            if (Peek() == '}')
            {
                _position++;
                _depth--;
                return result;
            }
            while (true)
            {
                if (Peek() != '"') Fail("expected a member name in double quotes");
                int nameAt = _position;
                string name = ReadString();
                SkipWhitespace();
                Expect((byte)':', "expected ':' after a member name");
                SkipWhitespace();
                object member = ReadValue();
                if (!result.TryAdd(name, member)) FailAt(nameAt, "duplicate member name \"" + name + "\"");
                SkipWhitespace();
                if (Peek() == ',')
                {
                    _position++;
                    SkipWhitespace();
                    continue;
                }
                Expect((byte)'}', "expected ',' or '}' in an object");
                _depth--;
                return result;
            }
        }

        private JsonArray ReadArray()
        {
            Enter();
            JsonArray result = new JsonArray();
            _position++;
            SkipWhitespace();
            if (Peek() == ']')
            {
                _position++;
                _depth--;
                return result;
            }
            while (true)
            {
                result.Add(ReadValue());
                SkipWhitespace();
                if (Peek() == ',')
                {
                    _position++;
                    SkipWhitespace();
                    continue;
                }
                Expect((byte)']', "expected ',' or ']' in an array");
                _depth--;
                return result;
            }
        }

        private void Enter()
        {
            _depth++;
            if (_depth > JsonReader.MaxDepth) Fail("nesting deeper than " + JsonReader.MaxDepth + " levels");
        }

        /// <summary>
        /// Reads a string starting at its opening quote. Runs of unescaped bytes are validated as
        /// UTF-8 here and decoded in one native call; a builder is only needed when escapes occur.
        /// </summary>
        private string ReadString()
        {
            _position++;
            int runStart = _position;
            StringBuilder builder = null;
            while (true)
            {
                if (_position >= _end) Fail("unterminated string");
                byte current = _data[_position];
                if (current == '"')
                {
                    string run = Decode(runStart, _position);
                    _position++;
                    if (builder == null) return run;
                    builder.Append(run);
                    return builder.ToString();
                }
                if (current == '\\')
                {
                    if (builder == null) builder = new StringBuilder();
                    builder.Append(Decode(runStart, _position));
                    _position++;
                    ReadEscape(builder);
                    runStart = _position;
                    continue;
                }
                if (current < 0x20) Fail("unescaped control character in a string");
                if (current < 0x80)
                {
                    _position++;
                    continue;
                }
                SkipUtf8Sequence();
            }
        }

        private string Decode(int start, int end)
        {
            if (end == start) return string.Empty;
            return Encoding.UTF8.GetString(_data, start, end - start);
        }

        private void ReadEscape(StringBuilder builder)
        {
            if (_position >= _end) Fail("unterminated escape");
            byte kind = _data[_position++];
            switch (kind)
            {
                case (byte)'"': builder.Append('"'); return;
                case (byte)'\\': builder.Append('\\'); return;
                case (byte)'/': builder.Append('/'); return;
                case (byte)'b': builder.Append('\b'); return;
                case (byte)'f': builder.Append('\f'); return;
                case (byte)'n': builder.Append('\n'); return;
                case (byte)'r': builder.Append('\r'); return;
                case (byte)'t': builder.Append('\t'); return;
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
                builder.Append((char)unit);
                builder.Append((char)low);
                return;
            }
            builder.Append((char)unit);
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

        /// <summary>Reads 0 or [1-9][0-9]* up to 2^53 - 1 without ever overflowing.</summary>
        private long ReadInteger()
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
            return value;
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
