namespace SecureOta.Device.Core.Json
{
    /// <summary>
    /// Strict UTF-8 (RFC 3629) for the JSON reader: no overlong forms, no encoded surrogates, nothing
    /// above U+10FFFF. Host decoders replace bad bytes with U+FFFD and nanoFramework's may differ, so the
    /// bytes are checked here before any decoder sees them.
    /// </summary>
    internal static class Utf8Sequence
    {
        /// <summary>
        /// Length (2 to 4) of the valid multi-byte sequence starting at data[position], or -1 when it is
        /// invalid or runs past end. The byte at position must be 0x80 or above.
        /// </summary>
        public static int ValidLength(byte[] data, int position, int end)
        {
            byte lead = data[position];
            int continuation;
            int secondMin = 0x80;
            int secondMax = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) continuation = 1;
            else if (lead >= 0xE0 && lead <= 0xEF)
            {
                continuation = 2;
                if (lead == 0xE0) secondMin = 0xA0;
                else if (lead == 0xED) secondMax = 0x9F;
            }
            else if (lead >= 0xF0 && lead <= 0xF4)
            {
                continuation = 3;
                if (lead == 0xF0) secondMin = 0x90;
                else if (lead == 0xF4) secondMax = 0x8F;
            }
            else
            {
                return -1;
            }

            if (position + continuation >= end) return -1;
            byte second = data[position + 1];
            if (second < secondMin || second > secondMax) return -1;
            for (int i = 2; i <= continuation; i++)
            {
                byte next = data[position + i];
                if (next < 0x80 || next > 0xBF) return -1;
            }
            return continuation + 1;
        }
    }
}
