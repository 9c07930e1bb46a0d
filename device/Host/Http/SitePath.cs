namespace SecureOta.Device.Host.Http;

/// <summary>
/// Turns a protocol path ("channels/stable.json", "blobs/&lt;hex&gt;") into a URL under the base URL, and
/// refuses anything that could leave it: absolute paths and URLs, dot segments, escapes, queries.
/// The client builds paths only from checked manifest members (docs/PROTOCOL.md section 1); this is the
/// transport's own guard, so a bad path is a caller bug and throws <see cref="ArgumentException"/>.
/// </summary>
internal static class SitePath
{
    private const int MaxLength = 512;

    public static Uri Resolve(Uri baseUrl, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || path.Length > MaxLength) throw Bad(path, $"must be 1 to {MaxLength} characters");
        if (path[0] == '/') throw Bad(path, "must be relative to the base URL");
        foreach (char c in path)
        {
            bool allowed = char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or '~' or '+';
            if (!allowed) throw Bad(path, $"contains '{c}' (U+{(int)c:X4}); only letters, digits and / . - _ ~ + are allowed");
        }
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == "." || segment == "..") throw Bad(path, "has an empty, '.' or '..' segment");
        }

        var url = new Uri(baseUrl, path);
        // Defence in depth: the checks above already keep the URL under the base.
        if (!url.AbsoluteUri.StartsWith(baseUrl.AbsoluteUri, StringComparison.Ordinal)) throw Bad(path, "leaves the base URL");
        return url;
    }

    /// <summary>Checks and normalises the base URL: absolute, https (or http when allowed), no query, ends in '/'.</summary>
    public static Uri NormaliseBase(Uri baseUrl, bool allowPlainHttp)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!baseUrl.IsAbsoluteUri) throw new ArgumentException($"The base URL '{baseUrl}' must be absolute.", nameof(baseUrl));
        bool https = baseUrl.Scheme == Uri.UriSchemeHttps;
        bool http = baseUrl.Scheme == Uri.UriSchemeHttp;
        if (http && !allowPlainHttp)
        {
            throw new ArgumentException($"The base URL '{baseUrl}' is plain http; only https is accepted unless AllowPlainHttp is set (tests only).",
                nameof(baseUrl));
        }
        if (!https && !http) throw new ArgumentException($"The base URL '{baseUrl}' must be https.", nameof(baseUrl));
        if (baseUrl.UserInfo.Length > 0 || baseUrl.Query.Length > 0 || baseUrl.Fragment.Length > 0)
        {
            throw new ArgumentException($"The base URL '{baseUrl}' must have no user info, query or fragment.", nameof(baseUrl));
        }
        return baseUrl.AbsolutePath.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
    }

    private static ArgumentException Bad(string path, string why) => new($"The site path '{path}' {why}.", nameof(path));
}
