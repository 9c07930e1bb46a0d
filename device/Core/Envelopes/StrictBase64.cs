using System;

namespace SecureOta.Device.Core.Envelopes
{
    /// <summary>
    /// Standard base64 (RFC 4648 section 4) exactly as docs/PROTOCOL.md section 4 requires: the
    /// standard alphabet, padding to a multiple of four, no whitespace, and unused bits zero, so every
    /// byte string has exactly one accepted spelling. Convert.FromBase64String alone is lenient
    /// (it skips whitespace), hence this check in front of it.
    /// </summary>
    public static class StrictBase64
    {
        /// <summary>True and the decoded bytes when text is strict base64; false otherwise.</summary>
        public static bool TryDecode(string text, out byte[] bytes)
        {
            if (text == null) throw new ArgumentNullException("text");
            bytes = null;
            int length = text.Length;
            if (length % 4 != 0) return false;
            if (length == 0)
            {
                bytes = new byte[0];
                return true;
            }

            int padding = 0;
            if (text[length - 1] == '=') padding++;
            if (text[length - 2] == '=') padding++;
            for (int i = 0; i < length - padding; i++)
            {
                if (Value(text[i]) < 0) return false;
            }

            // The last data character carries bits beyond the decoded bytes; they must be zero.
            int last = Value(text[length - padding - 1]);
            if (padding == 1 && (last & 0x03) != 0) return false;
            if (padding == 2 && (last & 0x0F) != 0) return false;

            bytes = Convert.FromBase64String(text);
            return true;
        }

        private static int Value(char c)
        {
            if (c >= 'A' && c <= 'Z') return c - 'A';
            if (c >= 'a' && c <= 'z') return c - 'a' + 26;
            if (c >= '0' && c <= '9') return c - '0' + 52;
            if (c == '+') return 62;
            if (c == '/') return 63;
            return -1;
        }
    }
}
