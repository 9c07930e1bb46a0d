namespace SecureOta.Device.Core.Platform
{
    /// <summary>
    /// HTTP GET against the site's OTA base URL (docs/PROTOCOL.md section 1), with TLS that trusts only
    /// the pinned CA set of the trusted root. On the device: HttpWebRequest with HttpsAuthentCert; on the
    /// host: a client that builds the chain against the pinned roots only. Network and TLS failures throw
    /// <see cref="TransportException"/>; every HTTP status, including errors, is a response.
    /// </summary>
    public interface IHttpTransport
    {
        /// <summary>
        /// Starts a GET of <paramref name="path"/> (relative, e.g. "channels/stable.json").
        /// <paramref name="rangeStart"/> &lt; 0 sends no Range header, otherwise "Range: bytes=N-";
        /// <paramref name="ifNoneMatch"/> null sends no If-None-Match. The caller disposes the response.
        /// </summary>
        IHttpResponse Get(string path, long rangeStart, string ifNoneMatch);
    }
}
