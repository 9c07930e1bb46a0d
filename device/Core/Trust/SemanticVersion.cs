using System;

namespace SecureOta.Device.Core.Trust
{
    /// <summary>
    /// Checks the form of a SemVer 2.0 version (semver.org): MAJOR.MINOR.PATCH with numbers without
    /// leading zeros, an optional -pre.release of [0-9A-Za-z-] identifiers (numeric ones without leading
    /// zeros) and optional +build identifiers. The version also names the wrapped-key folder, so its
    /// characters are limited to these. A hand-written scanner, because nanoFramework's string lacks
    /// several of the host's splitting helpers.
    /// </summary>
    public static class SemanticVersion
    {
        /// <summary>Longest version accepted (docs/PROTOCOL.md section 6).</summary>
        public const int MaxLength = 64;

        public static bool IsValid(string version)
        {
            if (version == null) throw new ArgumentNullException("version");
            if (version.Length == 0 || version.Length > MaxLength) return false;

            int end = version.IndexOf('+');
            if (end < 0) end = version.Length;
            else if (!AreIdentifiers(version, end + 1, version.Length, false)) return false;

            int preRelease = version.IndexOf('-');
            if (preRelease > end) preRelease = -1;
            int coreEnd = preRelease < 0 ? end : preRelease;
            if (preRelease >= 0 && !AreIdentifiers(version, preRelease + 1, end, true)) return false;

            int parts = 0;
            int start = 0;
            for (int i = 0; i <= coreEnd; i++)
            {
                if (i < coreEnd && version[i] != '.') continue;
                if (!IsNumber(version, start, i)) return false;
                parts++;
                start = i + 1;
            }
            return parts == 3;
        }

        /// <summary>text[start, end) is dot-separated non-empty identifiers; numeric ones without leading zeros when asked.</summary>
        private static bool AreIdentifiers(string text, int start, int end, bool numericWithoutLeadingZero)
        {
            int identifierStart = start;
            bool allDigits = true;
            for (int i = start; i <= end; i++)
            {
                if (i == end || text[i] == '.')
                {
                    if (i == identifierStart) return false;
                    if (allDigits && numericWithoutLeadingZero && !IsNumber(text, identifierStart, i)) return false;
                    identifierStart = i + 1;
                    allDigits = true;
                    continue;
                }
                char c = text[i];
                bool digit = c >= '0' && c <= '9';
                bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
                if (!digit && !letter) return false;
                if (!digit) allDigits = false;
            }
            return true;
        }

        /// <summary>text[start, end) is 0 or [1-9][0-9]*.</summary>
        private static bool IsNumber(string text, int start, int end)
        {
            if (end <= start) return false;
            if (end - start > 1 && text[start] == '0') return false;
            for (int i = start; i < end; i++)
            {
                if (text[i] < '0' || text[i] > '9') return false;
            }
            return true;
        }
    }
}
