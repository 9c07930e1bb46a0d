namespace SecureOta.Device.Core.Reports
{
    /// <summary>
    /// Makes text safe for a report body without a JSON escaper: every character outside printable
    /// ASCII, and '"' and '\', becomes '?', so a body is written byte for byte and one character is one byte.
    /// </summary>
    public static class ReportText
    {
        /// <summary>
        /// <paramref name="text"/> cut to <paramref name="maxLength"/> characters and cleaned; an empty or null
        /// text gives <paramref name="whenEmpty"/>.
        /// </summary>
        public static string Clean(string text, int maxLength, string whenEmpty)
        {
            if (text == null || text.Length == 0) return whenEmpty;
            int length = text.Length > maxLength ? maxLength : text.Length;
            bool clean = length == text.Length;
            for (int i = 0; i < length && clean; i++)
            {
                if (!IsSafe(text[i])) clean = false;
            }
            if (clean) return text;
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                char c = text[i];
                chars[i] = IsSafe(c) ? c : '?';
            }
            return new string(chars);
        }

        /// <summary>Printable ASCII other than the two characters JSON strings escape.</summary>
        public static bool IsSafe(char c)
        {
            return c >= ' ' && c <= '~' && c != '"' && c != '\\';
        }
    }
}
