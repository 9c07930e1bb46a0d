using System;

namespace SecureOta.Device.Core.Json
{
    /// <summary>
    /// A strict JSON reader for the rules of docs/PROTOCOL.md section 3: UTF-8 only (validated, no
    /// byte-order mark), nesting depth at most 8, at most 64 members per object, unique member names,
    /// integers only (0 or [1-9][0-9]*, at most 2^53 - 1; no sign, fraction, exponent or leading zero),
    /// RFC 8259 escapes without \u0000 or unpaired surrogates. Anything else is malformed.
    /// The whole document is checked first, then read in place: no tree is built, so what a document
    /// costs in heap is what its reader asks for, never what it merely contains (section 11, "Heap").
    /// </summary>
    public static class JsonReader
    {
        /// <summary>Deepest nesting of objects and arrays accepted; the top-level value is depth 1.</summary>
        public const int MaxDepth = 8;

        /// <summary>Most members one object may have (section 3): names are checked for duplicates without allocating.</summary>
        public const int MaxMembers = 64;

        /// <summary>Largest document accepted (the largest document of the protocol, a root envelope).</summary>
        public const int MaxDocumentSize = 65536;

        /// <summary>Largest integer accepted: 2^53 - 1, exact in every JSON implementation.</summary>
        public const long MaxInteger = 9007199254740991L;

        /// <summary>Parses a whole document; see <see cref="TryParse(byte[], int, int, out object, out string)"/>.</summary>
        public static bool TryParse(byte[] utf8, out object value, out string reason)
        {
            if (utf8 == null) throw new ArgumentNullException("utf8");
            return TryParse(utf8, 0, utf8.Length, out value, out reason);
        }

        /// <summary>
        /// Checks utf8[offset, offset+count) as one JSON value. On success, value is a JsonObject or
        /// JsonArray view over those bytes (which must not change while it is in use), or a string, long,
        /// bool or JsonNull, and reason is null; otherwise value is null and reason says what is wrong and
        /// where. Malformed input never throws.
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

            try
            {
                JsonValidator validator = new JsonValidator(utf8, offset, count);
                int start = validator.CheckDocument();
                value = JsonText.Materialize(utf8, start, offset + count, validator.Spans);
                reason = null;
                return true;
            }
            catch (JsonMalformedException e)
            {
                reason = e.Message;
                return false;
            }
        }
    }
}
