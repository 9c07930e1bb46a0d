namespace SecureOta.Device.Core.Update
{
    /// <summary>
    /// Which ETags the client sends back as If-None-Match. RFC 9110 allows obs-text (0x80-0xFF) inside an
    /// entity tag and servers send tabs and control characters too, but HTTP stacks refuse some of them in a
    /// request header (the host's HttpClient throws on them). A 304 only saves bandwidth, so an ETag outside
    /// visible ASCII, or longer than any real one, is simply not kept: the next poll fetches the manifest
    /// in full, which every transport can do.
    /// </summary>
    internal static class EntityTags
    {
        /// <summary>Longer ETags are not kept; CDNs send under 100 characters.</summary>
        internal const int MaxLength = 256;

        /// <summary>True when <paramref name="etag"/> is 1 to <see cref="MaxLength"/> characters, each visible ASCII (0x21-0x7E).</summary>
        internal static bool IsSendable(string etag)
        {
            if (etag == null || etag.Length < 1 || etag.Length > MaxLength) return false;
            for (int i = 0; i < etag.Length; i++)
            {
                char c = etag[i];
                if (c < (char)0x21 || c > (char)0x7E) return false;
            }
            return true;
        }
    }
}
