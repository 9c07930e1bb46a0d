using System;
using System.Collections;

namespace SecureOta.Device.Core.Json
{
    /// <summary>
    /// A parsed JSON array. Elements are <see cref="JsonObject"/>, <see cref="JsonArray"/>, string,
    /// long (boxed), bool (boxed) or <see cref="JsonNull"/>.
    /// </summary>
    public sealed class JsonArray
    {
        private readonly ArrayList _items = new ArrayList();

        /// <summary>Number of elements.</summary>
        public int Count { get { return _items.Count; } }

        /// <summary>The element at <paramref name="index"/>; throws when the index is out of range.</summary>
        public object this[int index]
        {
            get
            {
                if (index < 0 || index >= _items.Count) throw new ArgumentOutOfRangeException("index");
                return _items[index];
            }
        }

        /// <summary>True and the string when element <paramref name="index"/> is a string.</summary>
        public bool TryGetString(int index, out string value)
        {
            value = this[index] as string;
            return value != null;
        }

        /// <summary>True and the object when element <paramref name="index"/> is an object.</summary>
        public bool TryGetObject(int index, out JsonObject value)
        {
            value = this[index] as JsonObject;
            return value != null;
        }

        internal void Add(object value)
        {
            _items.Add(value);
        }
    }
}
