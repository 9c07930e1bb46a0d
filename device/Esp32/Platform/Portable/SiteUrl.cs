using System;

namespace SecureOta.Device.Esp32.Portable
{
    /// <summary>
    /// The site's OTA base URL and the protocol paths under it (docs/PROTOCOL.md section 1). The
    /// device builds request URLs only from a checked base and a checked relative path, so nothing a
    /// server sends can point a request anywhere else. Portable: no nanoFramework API, host-tested.
    /// </summary>
    public static class SiteUrl
    {
        /// <summary>Longest relative path accepted ("blobs/" + 64 hex is 70).</summary>
        public const int MaxPathLength = 512;

        /// <summary>Longest base URL accepted.</summary>
        public const int MaxBaseLength = 256;

        /// <summary>
        /// Null when <paramref name="baseUrl"/> is a usable base ("https://host[:port]/path/"), otherwise
        /// why not. Only https; no user info, query or fragment; it ends in '/' so paths append to it.
        /// </summary>
        public static string CheckBase(string baseUrl)
        {
            if (baseUrl == null) throw new ArgumentNullException("baseUrl");
            const string Scheme = "https://";
            if (baseUrl.Length > MaxBaseLength) return "the site URL is longer than " + MaxBaseLength + " characters";
            if (baseUrl.Length <= Scheme.Length || baseUrl.Substring(0, Scheme.Length) != Scheme)
                return "the site URL must start with https:// (the device never fetches over plain http)";
            if (baseUrl[baseUrl.Length - 1] != '/') return "the site URL must end with '/' (for example https://owner.github.io/repo/ota/v2/)";
            int hostEnd = baseUrl.IndexOf('/', Scheme.Length);
            if (hostEnd == Scheme.Length) return "the site URL has no host";
            for (int i = Scheme.Length; i < baseUrl.Length; i++)
            {
                char c = baseUrl[i];
                bool allowed = IsUnreserved(c) || c == '/' || (i < hostEnd && c == ':');
                if (!allowed) return "the site URL contains '" + c + "'; user info, queries, fragments and escapes are not allowed";
            }
            string basePath = baseUrl.Substring(hostEnd + 1);
            if (basePath.Length > 0 && !SegmentsAreNamed(basePath.Substring(0, basePath.Length - 1)))
                return "the site URL has an empty, '.' or '..' path segment";
            return null;
        }

        /// <summary>
        /// True when <paramref name="path"/> is a protocol path the device may request: 1 to 512
        /// characters of letters, digits and / . - _ ~ +, relative, with no empty, '.' or '..' segment.
        /// </summary>
        public static bool IsValidPath(string path)
        {
            if (path == null) throw new ArgumentNullException("path");
            if (path.Length == 0 || path.Length > MaxPathLength || path[0] == '/') return false;
            for (int i = 0; i < path.Length; i++)
            {
                char c = path[i];
                if (!IsUnreserved(c) && c != '/' && c != '+') return false;
            }
            return SegmentsAreNamed(path);
        }

        /// <summary>The absolute URL of <paramref name="path"/> under a checked base; a bad path is a caller bug and throws.</summary>
        public static string Resolve(string baseUrl, string path)
        {
            if (baseUrl == null) throw new ArgumentNullException("baseUrl");
            if (!IsValidPath(path)) throw new ArgumentException("'" + path + "' is not a site path the device may request", "path");
            return baseUrl + path;
        }

        private static bool IsUnreserved(char c)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
        }

        // Every '/'-separated segment is a name: not empty, not "." and not "..".
        private static bool SegmentsAreNamed(string text)
        {
            string[] segments = text.Split('/');
            for (int i = 0; i < segments.Length; i++)
            {
                string segment = segments[i];
                if (segment.Length == 0 || segment == "." || segment == "..") return false;
            }
            return true;
        }
    }
}
