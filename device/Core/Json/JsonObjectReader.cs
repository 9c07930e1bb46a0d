using System;

namespace SecureOta.Device.Core.Json
{
    /// <summary>
    /// Reads the required members of one JSON object with their exact types and ranges, recording
    /// the first failure as a human-readable reason ("release.imageSize must be an integer from 1 to
    /// 16777216"). Callers read every member, then check <see cref="Failed"/> once; values returned
    /// after a failure are placeholders (null, 0) and must not be used.
    /// </summary>
    public sealed class JsonObjectReader
    {
        private readonly JsonObject _object;
        private readonly string _path;
        private string _reason;

        /// <param name="value">The object to read.</param>
        /// <param name="path">Where the object sits in its document ("release"), used in reasons; empty for the top level.</param>
        public JsonObjectReader(JsonObject value, string path)
        {
            if (value == null) throw new ArgumentNullException("value");
            if (path == null) throw new ArgumentNullException("path");
            _object = value;
            _path = path;
        }

        /// <summary>True once any read or <see cref="Fail"/> has failed.</summary>
        public bool Failed { get { return _reason != null; } }

        /// <summary>The first failure, or null.</summary>
        public string Reason { get { return _reason; } }

        /// <summary>The object being read.</summary>
        public JsonObject Object { get { return _object; } }

        /// <summary>Full name of a member for messages: "release.version".</summary>
        public string PathOf(string name)
        {
            return _path.Length == 0 ? name : _path + "." + name;
        }

        /// <summary>Records a failure unless one is already recorded (the first one is the useful one).</summary>
        public void Fail(string reason)
        {
            if (reason == null) throw new ArgumentNullException("reason");
            if (_reason == null) _reason = reason;
        }

        /// <summary>A required string member.</summary>
        public string RequireString(string name)
        {
            string value;
            if (_object.TryGetString(name, out value)) return value;
            FailType(name, "a string");
            return null;
        }

        /// <summary>A required string member that must equal <paramref name="expected"/> exactly.</summary>
        public void RequireExactString(string name, string expected)
        {
            string value = RequireString(name);
            if (value != null && value != expected) Fail(PathOf(name) + " must be \"" + expected + "\"");
        }

        /// <summary>A required integer member within [min, max].</summary>
        public long RequireInteger(string name, long min, long max)
        {
            long value;
            if (!_object.TryGetInteger(name, out value))
            {
                FailType(name, "an integer");
                return 0;
            }
            if (value < min || value > max)
            {
                Fail(PathOf(name) + " must be an integer from " + min + " to " + max);
                return 0;
            }
            return value;
        }

        /// <summary>A required member of lowercase hex encoding exactly byteLength bytes.</summary>
        public byte[] RequireHex(string name, int byteLength)
        {
            string text = RequireString(name);
            if (text == null) return null;
            byte[] bytes;
            if (Hex.TryDecode(text, byteLength, out bytes)) return bytes;
            Fail(PathOf(name) + " must be " + (byteLength * 2) + " lowercase hex digits");
            return null;
        }

        /// <summary>A required member of strict base64 (PROTOCOL.md section 4) decoding to 1 to maxBytes bytes.</summary>
        public byte[] RequireBase64(string name, int maxBytes)
        {
            byte[] data;
            int at;
            int afterEnd;
            if (!_object.TryGetStringPosition(name, out data, out at, out afterEnd))
            {
                FailType(name, "a string");
                return null;
            }
            byte[] bytes = StringBase64(data, at, afterEnd, maxBytes);
            if (bytes != null) return bytes;
            Fail(PathOf(name) + " must be strict base64 (standard alphabet, padded, unused bits zero) of 1 to " + maxBytes + " bytes");
            return null;
        }

        /// <summary>
        /// The bytes of the base64 string starting at data[at] when it decodes to 1 to maxBytes bytes, else null.
        /// The length is checked first, so an oversized member is refused before anything is allocated; a string
        /// without escapes (every one a build writes) is decoded straight from the document's bytes.
        /// </summary>
        public static byte[] StringBase64(byte[] data, int at, int afterEnd, int maxBytes)
        {
            int count = afterEnd - at - 2;
            int length = SecureOta.Device.Core.Envelopes.StrictBase64.DecodedLength(data, at + 1, count);
            if (length >= 1 && length <= maxBytes)
            {
                byte[] bytes = new byte[length];
                if (SecureOta.Device.Core.Envelopes.StrictBase64.TryDecodeInto(data, at + 1, count, bytes, 0)) return bytes;
            }
            // '\' is outside the base64 alphabet, so only a string that failed can hold an escape: JSON allows "\/".
            if (!JsonText.HasEscape(data, at, afterEnd)) return null;
            string text = JsonText.DecodeString(data, at, afterEnd);
            byte[] decoded;
            if (text.Length > 0 && text.Length <= (maxBytes + 2) / 3 * 4 && SecureOta.Device.Core.Envelopes.StrictBase64.TryDecode(text, out decoded) &&
                decoded.Length <= maxBytes) return decoded;
            return null;
        }

        /// <summary>
        /// A required string member of at most maxLength characters. A longer one is refused from its encoded length
        /// (at most six bytes per character, as \uXXXX) before it is decoded, so it costs no heap.
        /// </summary>
        public string RequireString(string name, int maxLength)
        {
            byte[] data;
            int at;
            int afterEnd;
            if (_object.TryGetStringPosition(name, out data, out at, out afterEnd) && afterEnd - at - 2 > 6 * maxLength)
            {
                Fail(PathOf(name) + " must be a string of at most " + maxLength + " characters");
                return null;
            }
            string value = RequireString(name);
            if (value != null && value.Length > maxLength)
            {
                Fail(PathOf(name) + " must be a string of at most " + maxLength + " characters");
                return null;
            }
            return value;
        }

        /// <summary>A required object member.</summary>
        public JsonObject RequireObject(string name)
        {
            JsonObject value;
            if (_object.TryGetObject(name, out value)) return value;
            FailType(name, "an object");
            return null;
        }

        /// <summary>A required array member with minCount to maxCount elements.</summary>
        public JsonArray RequireArray(string name, int minCount, int maxCount)
        {
            JsonArray value;
            if (!_object.TryGetArray(name, out value))
            {
                FailType(name, "an array");
                return null;
            }
            if (value.Count < minCount || value.Count > maxCount)
            {
                Fail(PathOf(name) + " must have " + minCount + " to " + maxCount + " elements, not " + value.Count);
                return null;
            }
            return value;
        }

        private void FailType(string name, string expected)
        {
            object member = _object.Get(name);
            if (member == null) Fail(PathOf(name) + " is missing");
            else Fail(PathOf(name) + " must be " + expected + ", not " + KindOf(member));
        }

        /// <summary>The JSON kind of a parsed value, for messages.</summary>
        public static string KindOf(object value)
        {
            if (value is JsonObject) return "an object";
            if (value is JsonArray) return "an array";
            if (value is string) return "a string";
            if (value is long) return "an integer";
            if (value is bool) return "a boolean";
            return "null";
        }
    }
}
