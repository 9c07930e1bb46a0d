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

        /// <summary>
        /// Decoded length of the base64 text data[offset, offset+count) when its length and padding are right
        /// (a multiple of four, at most two '=' at the end); -1 otherwise. The characters are checked by
        /// <see cref="TryDecodeInto"/>.
        /// </summary>
        public static int DecodedLength(byte[] data, int offset, int count)
        {
            if (data == null) throw new ArgumentNullException("data");
            if (count % 4 != 0) return -1;
            if (count == 0) return 0;
            int padding = 0;
            if (data[offset + count - 1] == '=') padding++;
            if (data[offset + count - 2] == '=') padding++;
            return count / 4 * 3 - padding;
        }

        /// <summary>
        /// Checks and decodes the strict base64 text data[offset, offset+count) straight from the document's bytes
        /// into output at outputOffset (room for <see cref="DecodedLength"/> bytes), without the string and the
        /// second array a decode through Convert would need. False, with output partly written, when a
        /// character is outside the alphabet, '=' is misplaced or the unused bits are not zero.
        /// </summary>
        public static bool TryDecodeInto(byte[] data, int offset, int count, byte[] output, int outputOffset)
        {
            int length = DecodedLength(data, offset, count);
            if (length < 0) return false;
            if (output == null) throw new ArgumentNullException("output");
            if (outputOffset < 0 || outputOffset > output.Length - length) throw new ArgumentOutOfRangeException("outputOffset");
            if (count == 0) return true;
            sbyte[] values = Values;
            int last = offset + count - 4;
            int at = outputOffset;
            for (int i = offset; i < last; i += 4)
            {
                int a = values[data[i]];
                int b = values[data[i + 1]];
                int c = values[data[i + 2]];
                int d = values[data[i + 3]];
                if ((a | b | c | d) < 0) return false;
                output[at] = (byte)((a << 2) | (b >> 4));
                output[at + 1] = (byte)((b << 4) | (c >> 2));
                output[at + 2] = (byte)((c << 6) | d);
                at += 3;
            }
            return DecodeLastQuantum(data, last, output, at);
        }

        /// <summary>The last four characters: one or two '=' allowed at the end, and the bits they leave unused zero.</summary>
        private static bool DecodeLastQuantum(byte[] data, int i, byte[] output, int at)
        {
            sbyte[] values = Values;
            int a = values[data[i]];
            int b = values[data[i + 1]];
            if ((a | b) < 0) return false;
            output[at] = (byte)((a << 2) | (b >> 4));
            if (data[i + 2] == '=')
            {
                return data[i + 3] == '=' && (b & 0x0F) == 0;
            }
            int c = values[data[i + 2]];
            if (c < 0) return false;
            output[at + 1] = (byte)((b << 4) | (c >> 2));
            if (data[i + 3] == '=') return (c & 0x03) == 0;
            int d = values[data[i + 3]];
            if (d < 0) return false;
            output[at + 2] = (byte)((c << 6) | d);
            return true;
        }

        // Value of each byte in the base64 alphabet, -1 for every other byte ('=' included).
        private static readonly sbyte[] Values = BuildValues();

        private static sbyte[] BuildValues()
        {
            sbyte[] values = new sbyte[256];
            for (int i = 0; i < values.Length; i++) values[i] = (sbyte)Value((char)i);
            return values;
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
