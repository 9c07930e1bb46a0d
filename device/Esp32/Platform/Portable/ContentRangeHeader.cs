using System;

namespace SecureOta.Device.Esp32.Portable
{
    /// <summary>
    /// Reads the first byte position of a 206 response's Content-Range header, "bytes N-M/T" or
    /// "bytes N-M/*" (RFC 9110 section 14.4). Anything else reads as -1, which the core treats as
    /// "not the range asked for" (PROTOCOL.md section 9, A1), so a malformed header fails closed.
    /// Portable: no nanoFramework API, host-tested.
    /// </summary>
    public static class ContentRangeHeader
    {
        // 15 digits stay far below long.MaxValue, so parsing never overflows (overflow is not trapped on the device).
        private const int MaxDigits = 15;

        /// <summary>N of "bytes N-M/T" when N &lt;= M (and M &lt; T when T is given), else -1. Null or empty reads as -1.</summary>
        public static long ParseStart(string value)
        {
            if (value == null || value.Length == 0) return -1;
            const string Unit = "bytes ";
            if (value.Length <= Unit.Length || value.Substring(0, Unit.Length) != Unit) return -1;
            int position = Unit.Length;
            long first = ReadNumber(value, ref position);
            if (first < 0 || !Expect(value, ref position, '-')) return -1;
            long last = ReadNumber(value, ref position);
            if (last < first || !Expect(value, ref position, '/')) return -1;
            if (position == value.Length - 1 && value[position] == '*') return first;
            long total = ReadNumber(value, ref position);
            if (total <= last || position != value.Length) return -1;
            return first;
        }

        private static bool Expect(string value, ref int position, char expected)
        {
            if (position >= value.Length || value[position] != expected) return false;
            position++;
            return true;
        }

        // Decimal digits at position, advancing past them; -1 when there are none or too many.
        private static long ReadNumber(string value, ref int position)
        {
            long number = 0;
            int digits = 0;
            while (position < value.Length && value[position] >= '0' && value[position] <= '9')
            {
                if (++digits > MaxDigits) return -1;
                number = number * 10 + (value[position] - '0');
                position++;
            }
            return digits == 0 ? -1 : number;
        }
    }
}
