using System;
using System.Collections;

namespace SecureOta.Device.Core.Json
{
    /// <summary>
    /// A parsed JSON object: members by name (names are unique; the reader rejects duplicates) plus
    /// their order in the document. Values are <see cref="JsonObject"/>, <see cref="JsonArray"/>,
    /// string, long (boxed), bool (boxed) or <see cref="JsonNull"/>; a missing member is C# null.
    /// The TryGet accessors return false when the member is missing or has another type;
    /// <see cref="JsonObjectReader"/> turns that into a reason.
    /// </summary>
    public sealed class JsonObject
    {
        private readonly Hashtable _members = new Hashtable();
        private readonly ArrayList _names = new ArrayList();

        /// <summary>Number of members.</summary>
        public int Count { get { return _names.Count; } }

        /// <summary>Name of the member at position <paramref name="index"/> in document order.</summary>
        public string GetName(int index)
        {
            if (index < 0 || index >= _names.Count) throw new ArgumentOutOfRangeException("index");
            return (string)_names[index];
        }

        /// <summary>True when a member of that name exists (whatever its value).</summary>
        public bool Contains(string name)
        {
            if (name == null) throw new ArgumentNullException("name");
            return _members.Contains(name);
        }

        /// <summary>The member's value, or C# null when there is no such member.</summary>
        public object Get(string name)
        {
            if (name == null) throw new ArgumentNullException("name");
            return _members[name];
        }

        public bool TryGetString(string name, out string value)
        {
            value = Get(name) as string;
            return value != null;
        }

        /// <summary>True and the value when the member is an integer (the only numbers JSON rules allow).</summary>
        public bool TryGetInteger(string name, out long value)
        {
            object member = Get(name);
            if (member is long)
            {
                value = (long)member;
                return true;
            }
            value = 0;
            return false;
        }

        public bool TryGetBoolean(string name, out bool value)
        {
            object member = Get(name);
            if (member is bool)
            {
                value = (bool)member;
                return true;
            }
            value = false;
            return false;
        }

        public bool TryGetObject(string name, out JsonObject value)
        {
            value = Get(name) as JsonObject;
            return value != null;
        }

        public bool TryGetArray(string name, out JsonArray value)
        {
            value = Get(name) as JsonArray;
            return value != null;
        }

        /// <summary>Adds a member; false (and nothing added) when the name is already present.</summary>
        internal bool TryAdd(string name, object value)
        {
            if (_members.Contains(name)) return false;
            _members.Add(name, value);
            _names.Add(name);
            return true;
        }
    }
}
