using System;

namespace SecureOta.Device.Core.Json
{
    /// <summary>
    /// A JSON array of a checked document, read in place like <see cref="JsonObject"/>: counting its
    /// elements allocates nothing (so a reader can refuse 10,000 elements before it reads one), and an
    /// element is materialised only when asked for. Elements are <see cref="JsonObject"/>,
    /// <see cref="JsonArray"/>, string, long (boxed), bool (boxed) or <see cref="JsonNull"/>. Reading
    /// elements in order costs one pass; the document's bytes must not change while the view is in use.
    /// </summary>
    public sealed class JsonArray
    {
        private readonly byte[] _data;
        private readonly int _start;
        private readonly JsonSpans _spans;
        private int _count = -1;
        // Start and end of the first Remembered elements, noted while counting, so the arrays the protocol reads (at
        // most 16 entries) are skipped once; a longer array costs nothing more than its count.
        private const int Remembered = 16;
        private int[] _elements;
        // The last element reached and where it starts, so reading in order never rescans.
        private int _cursorIndex = -1;
        private int _cursorAt;

        internal JsonArray(byte[] data, int start, JsonSpans spans)
        {
            _data = data;
            _start = start;
            _spans = spans;
        }

        /// <summary>Number of elements.</summary>
        public int Count
        {
            get
            {
                if (_count >= 0) return _count;
                int count = 0;
                int at = First();
                int[] elements = at < 0 ? null : new int[2 * Remembered];
                while (at >= 0)
                {
                    int end = JsonText.SkipValue(_data, at, _spans);
                    if (count < Remembered)
                    {
                        elements[2 * count] = at;
                        elements[2 * count + 1] = end;
                    }
                    count++;
                    at = After(end);
                }
                _elements = elements;
                _count = count;
                return count;
            }
        }

        /// <summary>The element at <paramref name="index"/>; throws when the index is out of range.</summary>
        public object this[int index]
        {
            get { return JsonText.Materialize(_data, PositionOf(index), _data.Length, _spans); }
        }

        /// <summary>True and the string when element <paramref name="index"/> is a string.</summary>
        public bool TryGetString(int index, out string value)
        {
            int at = PositionOf(index);
            value = null;
            if (_data[at] != '"') return false;
            value = index < Remembered ? JsonText.DecodeString(_data, at, _elements[2 * index + 1]) : JsonText.DecodeString(_data, at);
            return true;
        }

        /// <summary>True and the object when element <paramref name="index"/> is an object.</summary>
        public bool TryGetObject(int index, out JsonObject value)
        {
            int at = PositionOf(index);
            value = _data[at] == '{' ? new JsonObject(_data, at, _spans) : null;
            return value != null;
        }

        private int PositionOf(int index)
        {
            if (index < 0 || index >= Count) throw new ArgumentOutOfRangeException("index");
            if (index < Remembered) return _elements[2 * index];
            if (_cursorIndex < 0 || index < _cursorIndex)
            {
                _cursorIndex = 0;
                _cursorAt = First();
            }
            while (_cursorIndex < index)
            {
                _cursorAt = Next(_cursorAt);
                _cursorIndex++;
            }
            return _cursorAt;
        }

        /// <summary>Where the first element starts, or -1 for an empty array.</summary>
        private int First()
        {
            int at = JsonText.SkipWhitespace(_data, _start + 1, _data.Length);
            return _data[at] == ']' ? -1 : at;
        }

        /// <summary>Where the element after the one at <paramref name="at"/> starts, or -1 after the last.</summary>
        private int Next(int at)
        {
            return After(JsonText.SkipValue(_data, at, _spans));
        }

        /// <summary>Where the element after the one ending at <paramref name="end"/> starts, or -1 after the last.</summary>
        private int After(int end)
        {
            end = JsonText.SkipWhitespace(_data, end, _data.Length);
            if (_data[end] == ']') return -1;
            return JsonText.SkipWhitespace(_data, end + 1, _data.Length);
        }
    }
}
