using System;
using System.Text;

namespace SecureOta.Device.Core.Json
{
    /// <summary>
    /// A strict JSON reader for the rules of docs/PROTOCOL.md section 3: UTF-8 only (validated, no
    /// byte-order mark), nesting depth at most 8, unique member names, integers only (0 or
    /// [1-9][0-9]*, at most 2^53 - 1; no sign, fraction, exponent or leading zero), RFC 8259 escapes
    /// without \u0000 or unpaired surrogates. Anything else is malformed. Recursion is bounded by the
    /// depth limit, so a hostile document cannot exhaust the stack.
    /// </summary>
    public sealed class JsonReader
    {
        /// <summary>Deepest nesting of objects and arrays accepted; the top-level value is depth 1.</summary>
        public const int MaxDepth = 8;

        /// <summary>Largest document accepted (the largest document of the protocol, a root envelope).</summary>
        public const int MaxDocumentSize = 65536;

        /// <summary>Largest integer accepted: 2^53 - 1, exact in every JSON implementation.</summary>
        public const long MaxInteger = 9007199254740991L;

        private readonly byte[] _data;
        private readonly int _end;
        private int _position;
        private int _depth;

        private JsonReader(byte[] data, int offset, int count)
        {
            _data = data;
            _position = offset;
            _end = offset + count;
        }

        /// <summary>Parses a whole document; see <see cref="TryParse(byte[], int, int, out object, out string)"/>.</summary>
        public static bool TryParse(byte[] utf8, out object value, out string reason)
        {
            if (utf8 == null) throw new ArgumentNullException("utf8");
            return TryParse(utf8, 0, utf8.Length, out value, out reason);
        }

        /// <summary>
        /// Parses utf8[offset, offset+count) as one JSON value. On success, value is a JsonObject,
        /// JsonArray, string, long, bool or JsonNull and reason is null; otherwise value is null and
        /// reason says what is wrong and where. Malformed input never throws.
        /// </summary>
        public static bool TryParse(byte[] utf8, int offset, int count, out object value, out string reason)
        {
            if (utf8 == null) throw new ArgumentNullException("utf8");
            if (offset < 0 || count < 0 || offset + count > utf8.Length) throw new ArgumentOutOfRangeException("count");

            value = null;
            if (count > MaxDocumentSize)
            {
                reason = "JSON document is " + count + " bytes, more than the limit of " + MaxDocumentSize;
                return false;
            }
            if (count >= 3 && utf8[offset] == 0xEF && utf8[offset + 1] == 0xBB && utf8[offset + 2] == 0xBF)
            {
                reason = "JSON document starts with a byte-order mark";
                return false;
            }

            JsonReader reader = new JsonReader(utf8, offset, count);
            try
            {
                reader.SkipWhitespace();
                object result = reader.ReadValue();
                reader.SkipWhitespace();
                if (reader._position != reader._end) reader.Fail("unexpected data after the JSON value");
                value = result;
                reason = null;
                return true;
            }
            catch (JsonMalformedException e)
            {
                reason = e.Message;
                return false;
            }
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
            if (_depth > MaxDepth) Fail("nesting deeper than " + MaxDepth + " levels");
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

        /// <summary>
        /// Validates one multi-byte UTF-8 sequence (RFC 3629: no overlong forms, no encoded
        /// surrogates, nothing above U+10FFFF) and moves past it.
        /// </summary>
        private void SkipUtf8Sequence()
        {
            byte lead = _data[_position];
            int continuation;
            int secondMin = 0x80;
            int secondMax = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) continuation = 1;
            else if (lead >= 0xE0 && lead <= 0xEF)
            {
                continuation = 2;
                if (lead == 0xE0) secondMin = 0xA0;
                else if (lead == 0xED) secondMax = 0x9F;
            }
            else if (lead >= 0xF0 && lead <= 0xF4)
            {
                continuation = 3;
                if (lead == 0xF0) secondMin = 0x90;
                else if (lead == 0xF4) secondMax = 0x8F;
            }
            else
            {
                Fail("invalid UTF-8 lead byte");
                return;
            }

            if (_position + continuation >= _end) Fail("truncated UTF-8 sequence");
            byte second = _data[_position + 1];
            if (second < secondMin || second > secondMax) Fail("invalid UTF-8 sequence");
            for (int i = 2; i <= continuation; i++)
            {
                byte next = _data[_position + i];
                if (next < 0x80 || next > 0xBF) Fail("invalid UTF-8 continuation byte");
            }
            _position += continuation + 1;
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
                    if (value > (MaxInteger - digit) / 10) FailAt(start, "integer larger than 2^53 - 1");
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
