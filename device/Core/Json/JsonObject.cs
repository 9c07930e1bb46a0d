using System;

namespace SecureOta.Device.Core.Json
{
    /// <summary>
    /// A JSON object of a checked document, read in place: nothing is copied out of the document's bytes
    /// until a member is asked for, and then only that member's value (a string, an integer, or another
    /// view). Members nobody asks about never cost heap. Names are unique (the validator refused
    /// duplicates) and at most <see cref="JsonReader.MaxMembers"/>. Values are <see cref="JsonObject"/>,
    /// <see cref="JsonArray"/>, string, long (boxed), bool (boxed) or <see cref="JsonNull"/>; a missing
    /// member is C# null. The TryGet accessors return false when the member is missing or has another type;
    /// <see cref="JsonObjectReader"/> turns that into a reason. The document's bytes must not change while
    /// a view of them is in use.
    /// </summary>
    public sealed class JsonObject
    {
        private readonly byte[] _data;
        private readonly int _start;
        private readonly JsonSpans _spans;
        // For each member: where its name starts, where its value starts and where it ends; built on the first look-up,
        // so no value is ever skipped twice.
        private int[] _members;
        private int _count = -1;

        internal JsonObject(byte[] data, int start, JsonSpans spans)
        {
            _data = data;
            _start = start;
            _spans = spans;
        }

        /// <summary>Number of members.</summary>
        public int Count
        {
            get
            {
                Index();
                return _count;
            }
        }

        /// <summary>Name of the member at position <paramref name="index"/> in document order.</summary>
        public string GetName(int index)
        {
            if (index < 0 || index >= Count) throw new ArgumentOutOfRangeException("index");
            return JsonText.DecodeString(_data, _members[3 * index]);
        }

        /// <summary>True when a member of that name exists (whatever its value).</summary>
        public bool Contains(string name)
        {
            return Find(name) >= 0;
        }

        /// <summary>The member's value, or C# null when there is no such member.</summary>
        public object Get(string name)
        {
            int at = Find(name);
            return at < 0 ? null : JsonText.Materialize(_data, at, _data.Length, _spans);
        }

        public bool TryGetString(string name, out string value)
        {
            int member = FindMember(name);
            value = member >= 0 && _data[_members[member + 1]] == '"' ? JsonText.DecodeString(_data, _members[member + 1], _members[member + 2]) : null;
            return value != null;
        }

        /// <summary>True and the value when the member is an integer (the only numbers JSON rules allow).</summary>
        public bool TryGetInteger(string name, out long value)
        {
            int at = Find(name);
            if (at >= 0 && _data[at] >= '0' && _data[at] <= '9')
            {
                value = JsonText.ReadInteger(_data, at, _data.Length);
                return true;
            }
            value = 0;
            return false;
        }

        public bool TryGetBoolean(string name, out bool value)
        {
            int at = Find(name);
            value = at >= 0 && _data[at] == 't';
            return at >= 0 && (_data[at] == 't' || _data[at] == 'f');
        }

        public bool TryGetObject(string name, out JsonObject value)
        {
            int at = Find(name);
            value = at >= 0 && _data[at] == '{' ? new JsonObject(_data, at, _spans) : null;
            return value != null;
        }

        public bool TryGetArray(string name, out JsonArray value)
        {
            int at = Find(name);
            value = at >= 0 && _data[at] == '[' ? new JsonArray(_data, at, _spans) : null;
            return value != null;
        }

        /// <summary>
        /// True with where the member's string value starts (its opening quote) in <paramref name="data"/>, so a
        /// reader can decode base64 or hex straight from the document's bytes without a string in between.
        /// </summary>
        internal bool TryGetStringPosition(string name, out byte[] data, out int position, out int afterEnd)
        {
            data = _data;
            int member = FindMember(name);
            position = member < 0 ? -1 : _members[member + 1];
            afterEnd = member < 0 ? -1 : _members[member + 2];
            return position >= 0 && _data[position] == '"';
        }

        /// <summary>Where the value of the named member starts, or -1.</summary>
        private int Find(string name)
        {
            int member = FindMember(name);
            return member < 0 ? -1 : _members[member + 1];
        }

        /// <summary>Index of the named member's entry in the member table, or -1.</summary>
        private int FindMember(string name)
        {
            if (name == null) throw new ArgumentNullException("name");
            Index();
            for (int i = 0; i < 3 * _count; i += 3)
            {
                if (JsonText.StringEquals(_data, _members[i], name)) return i;
            }
            return -1;
        }

        /// <summary>One pass over the object, skipping every value once, to note where each member is.</summary>
        private void Index()
        {
            if (_count >= 0) return;
            int[] members = new int[12];
            int count = 0;
            int position = JsonText.SkipWhitespace(_data, _start + 1, _data.Length);
            if (_data[position] != '}')
            {
                while (true)
                {
                    if (3 * count == members.Length)
                    {
                        int[] larger = new int[members.Length * 2];
                        Array.Copy(members, larger, members.Length);
                        members = larger;
                    }
                    members[3 * count] = position;
                    position = JsonText.SkipString(_data, position);
                    position = JsonText.SkipWhitespace(_data, position, _data.Length) + 1;
                    position = JsonText.SkipWhitespace(_data, position, _data.Length);
                    members[3 * count + 1] = position;
                    position = JsonText.SkipValue(_data, position, _spans);
                    members[3 * count + 2] = position;
                    count++;
                    position = JsonText.SkipWhitespace(_data, position, _data.Length);
                    if (_data[position] == '}') break;
                    position = JsonText.SkipWhitespace(_data, position + 1, _data.Length);
                }
            }
            _members = members;
            _count = count;
        }
    }
}
