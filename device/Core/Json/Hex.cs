using System;

namespace SecureOta.Device.Core.Json
{
    /// <summary>
    /// The protocol's hex: lowercase, no separators, even length (docs/PROTOCOL.md, introduction).
    /// Uppercase is rejected so every value has exactly one spelling (a key id compares as a string).
    /// </summary>
    public static class Hex
    {
        /// <summary>The digits by value, for code that writes hex into its own buffers without a string per value.</summary>
        internal const string Digits = "0123456789abcdef";

        /// <summary>True and the bytes when text is exactly byteLength bytes of lowercase hex.</summary>
        public static bool TryDecode(string text, int byteLength, out byte[] bytes)
        {
            if (text == null) throw new ArgumentNullException("text");
            if (byteLength < 0) throw new ArgumentOutOfRangeException("byteLength");
            bytes = null;
            if (text.Length != byteLength * 2) return false;

            byte[] result = new byte[byteLength];
            for (int i = 0; i < byteLength; i++)
            {
                int high = Value(text[2 * i]);
                int low = Value(text[2 * i + 1]);
                if (high < 0 || low < 0) return false;
                result[i] = (byte)((high << 4) | low);
            }
            bytes = result;
            return true;
        }

        /// <summary>True when text is exactly byteLength bytes of lowercase hex.</summary>
        public static bool IsValid(string text, int byteLength)
        {
            if (text == null) throw new ArgumentNullException("text");
            if (text.Length != byteLength * 2) return false;
            for (int i = 0; i < text.Length; i++)
            {
                if (Value(text[i]) < 0) return false;
            }
            return true;
        }

        /// <summary>Lowercase hex of data[offset, offset+count).</summary>
        public static string Encode(byte[] data, int offset, int count)
        {
            if (data == null) throw new ArgumentNullException("data");
            if (offset < 0 || count < 0 || offset + count > data.Length) throw new ArgumentOutOfRangeException("count");
            char[] text = new char[count * 2];
            for (int i = 0; i < count; i++)
            {
                byte value = data[offset + i];
                text[2 * i] = Digits[value >> 4];
                text[2 * i + 1] = Digits[value & 0x0F];
            }
            return new string(text);
        }

        /// <summary>Lowercase hex of the whole array.</summary>
        public static string Encode(byte[] data)
        {
            if (data == null) throw new ArgumentNullException("data");
            return Encode(data, 0, data.Length);
        }

        /// <summary>The value of one lowercase hex digit (a char or a byte of text), -1 for anything else.</summary>
        internal static int Value(int digit)
        {
            if (digit >= '0' && digit <= '9') return digit - '0';
            if (digit >= 'a' && digit <= 'f') return digit - 'a' + 10;
            return -1;
        }
    }
}
