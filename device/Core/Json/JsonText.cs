using System.Text;

namespace SecureOta.Device.Core.Json
{
    /// <summary>
    /// Reading helpers over JSON text that <see cref="JsonValidator"/> has already accepted: skipping a value,
    /// comparing member names, decoding one string or integer. They trust the text's form (they never see
    /// anything else), so they need no error paths, and they allocate only the string or number asked for.
    /// This is what keeps members a reader never asks about from costing any heap (docs/PROTOCOL.md section 3).
    /// </summary>
    internal static class JsonText
    {
        /// <summary>The position after the whitespace starting at position (never past end).</summary>
        public static int SkipWhitespace(byte[] data, int position, int end)
        {
            while (position < end)
            {
                byte current = data[position];
                if (current != ' ' && current != '\t' && current != '\n' && current != '\r') return position;
                position++;
            }
            return position;
        }

        /// <summary>The position just after the value starting at position; one look-up when the validator noted it in spans.</summary>
        public static int SkipValue(byte[] data, int position, JsonSpans spans)
        {
            byte first = data[position];
            if (first == '"' || first == '{' || first == '[')
            {
                int end = spans.EndOf(position);
                if (end >= 0) return end;
            }
            if (first == '"') return SkipString(data, position);
            if (first == '{' || first == '[') return SkipContainer(data, position);
            if (first == 't' || first == 'n') return position + 4;
            if (first == 'f') return position + 5;
            // An integer inside a container: a delimiter always follows it.
            position++;
            while (data[position] >= '0' && data[position] <= '9') position++;
            return position;
        }

        /// <summary>The position just after the closing quote of the string starting at position.</summary>
        public static int SkipString(byte[] data, int position)
        {
            position++;
            while (true)
            {
                byte current = data[position];
                if (current == '"') return position + 1;
                position += current == '\\' ? 2 : 1;
            }
        }

        /// <summary>True when the string starting at position contains an escape.</summary>
        public static bool HasEscape(byte[] data, int position, int afterEnd)
        {
            for (int i = position + 1; i < afterEnd - 1; i++)
            {
                if (data[i] == '\\') return true;
            }
            return false;
        }

        private static int SkipContainer(byte[] data, int position)
        {
            int depth = 0;
            while (true)
            {
                byte current = data[position];
                if (current == '"')
                {
                    position = SkipString(data, position);
                    continue;
                }
                position++;
                if (current == '{' || current == '[') depth++;
                else if (current == '}' || current == ']')
                {
                    depth--;
                    if (depth == 0) return position;
                }
            }
        }

        /// <summary>
        /// The next code point of the string whose text continues at position (escapes and UTF-8 decoded,
        /// a surrogate pair escape joined), or -1 at its closing quote, which is consumed.
        /// </summary>
        public static int ReadCodePoint(byte[] data, ref int position)
        {
            byte current = data[position];
            if (current == '"')
            {
                position++;
                return -1;
            }
            if (current == '\\') return ReadEscape(data, ref position);
            if (current < 0x80)
            {
                position++;
                return current;
            }
            int length = current >= 0xF0 ? 4 : current >= 0xE0 ? 3 : 2;
            int value = current & (0x7F >> length);
            for (int i = 1; i < length; i++) value = (value << 6) | (data[position + i] & 0x3F);
            position += length;
            return value;
        }

        private static int ReadEscape(byte[] data, ref int position)
        {
            byte kind = data[position + 1];
            position += 2;
            switch (kind)
            {
                case (byte)'b': return '\b';
                case (byte)'f': return '\f';
                case (byte)'n': return '\n';
                case (byte)'r': return '\r';
                case (byte)'t': return '\t';
                case (byte)'u': break;
                default: return kind;
            }
            int unit = HexUnit(data, position);
            position += 4;
            if (unit < 0xD800 || unit > 0xDBFF) return unit;
            int low = HexUnit(data, position + 2);
            position += 6;
            return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
        }

        /// <summary>The four hex digits at position (validated before).</summary>
        public static int HexUnit(byte[] data, int position)
        {
            int unit = 0;
            for (int i = 0; i < 4; i++)
            {
                int digit = data[position + i];
                if (digit <= '9') digit -= '0';
                else if (digit <= 'F') digit -= 'A' - 10;
                else digit -= 'a' - 10;
                unit = (unit << 4) | digit;
            }
            return unit;
        }

        /// <summary>True when the strings starting at first and second are the same after decoding (PROTOCOL.md section 3).</summary>
        public static bool StringsEqual(byte[] data, int first, int second)
        {
            first++;
            second++;
            while (true)
            {
                // Fast path: identical plain ASCII bytes; anything else is compared as decoded code points.
                byte a = data[first];
                if (a == data[second] && a < 0x80 && a != '\\' && a != '"')
                {
                    first++;
                    second++;
                    continue;
                }
                int left = ReadCodePoint(data, ref first);
                int right = ReadCodePoint(data, ref second);
                if (left != right) return false;
                if (left < 0) return true;
            }
        }

        /// <summary>True when the string starting at position decodes to exactly name.</summary>
        public static bool StringEquals(byte[] data, int position, string name)
        {
            position++;
            int index = 0;
            while (true)
            {
                // Fast path, no call: a plain ASCII byte against the next character.
                byte plain = data[position];
                if (plain < 0x80 && plain != '\\' && plain != '"')
                {
                    if (index >= name.Length || name[index] != plain) return false;
                    index++;
                    position++;
                    continue;
                }
                int point = ReadCodePoint(data, ref position);
                if (point < 0) return index == name.Length;
                if (index >= name.Length) return false;
                int expected = name[index++];
                if (expected >= 0xD800 && expected <= 0xDBFF && index < name.Length)
                    expected = 0x10000 + ((expected - 0xD800) << 10) + (name[index++] - 0xDC00);
                if (point != expected) return false;
            }
        }

        /// <summary>The string starting at position, decoded. Without escapes it is one native UTF-8 decode.</summary>
        public static string DecodeString(byte[] data, int position)
        {
            return DecodeString(data, position, SkipString(data, position));
        }

        /// <summary>The string from its opening quote at position to just after its closing quote at afterEnd, decoded.</summary>
        public static string DecodeString(byte[] data, int position, int afterEnd)
        {
            if (!HasEscape(data, position, afterEnd))
            {
                int length = afterEnd - position - 2;
                return length == 0 ? string.Empty : Encoding.UTF8.GetString(data, position + 1, length);
            }
            StringBuilder builder = new StringBuilder();
            position++;
            while (true)
            {
                int point = ReadCodePoint(data, ref position);
                if (point < 0) return builder.ToString();
                if (point < 0x10000)
                {
                    builder.Append((char)point);
                    continue;
                }
                point -= 0x10000;
                builder.Append((char)(0xD800 + (point >> 10)));
                builder.Append((char)(0xDC00 + (point & 0x3FF)));
            }
        }

        /// <summary>The integer starting at position and ending before end or a non-digit (validated: at most 2^53 - 1).</summary>
        public static long ReadInteger(byte[] data, int position, int end)
        {
            long value = 0;
            while (position < end)
            {
                int digit = data[position] - '0';
                if (digit < 0 || digit > 9) return value;
                value = value * 10 + digit;
                position++;
            }
            return value;
        }

        /// <summary>The value starting at position as the reader's API gives it: a view, string, boxed long or bool, or JsonNull.</summary>
        public static object Materialize(byte[] data, int position, int end, JsonSpans spans)
        {
            byte first = data[position];
            switch (first)
            {
                case (byte)'{': return new JsonObject(data, position, spans);
                case (byte)'[': return new JsonArray(data, position, spans);
                case (byte)'"': return DecodeString(data, position);
                case (byte)'t': return true;
                case (byte)'f': return false;
                case (byte)'n': return JsonNull.Value;
                default: return ReadInteger(data, position, end);
            }
        }
    }
}
