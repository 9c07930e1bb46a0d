using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Core.Platform
{
    /// <summary>
    /// HTTPS POST of a report to the collector a verified root names (docs/PROTOCOL.md section 11d.2): a
    /// different host from the site, with its own pinned CA set (the collector's <c>tlsAnchors</c>). On the
    /// device: HttpWebRequest with HttpsAuthentCert; on the host: a client that builds the chain against
    /// those CAs only. Network and TLS failures throw <see cref="TransportException"/>; every HTTP status is
    /// a result.
    /// </summary>
    public interface IReportTransport
    {
        /// <summary>
        /// Points the transport at <paramref name="collector"/>: its URL and its CA pins for every following
        /// POST. Called before the first POST and whenever the trusted root's collector changes.
        /// </summary>
        void UseCollector(TrustedCollector collector);

        /// <summary>
        /// POSTs body[0, count) to the collector's <c>v1/reports</c> with Content-Type application/json and
        /// the headers X-SecureOta-Device and X-SecureOta-Mac, within <paramref name="timeoutMilliseconds"/>;
        /// returns the HTTP status. The response body is not needed and is discarded.
        /// </summary>
        int Post(string deviceId, string mac, byte[] body, int count, int timeoutMilliseconds);
    }
}
