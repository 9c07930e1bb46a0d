using System;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Device.Esp32
{
    /// <summary>
    /// <see cref="IReportTransport"/> on nanoFramework's HttpWebRequest: a POST of one report body to the
    /// collector the trusted root names (docs/PROTOCOL.md section 11d.2), TLS 1.2 with mbedTLS against the
    /// collector's own pinned CA set (its <c>tlsAnchors</c>, one PEM bundle in HttpsAuthentCert), never the
    /// site's. One connection per request (KeepAlive off); the response body is not read. Failures surface
    /// as <see cref="TransportException"/>; every HTTP status is returned.
    /// </summary>
    public sealed class NanoReportTransport : IReportTransport
    {
        private const int MinTimeoutMilliseconds = 1000;

        private string _url;
        private X509Certificate _anchors;
        private string _problem = "no collector has been named yet";

        /// <summary>Pins the collector's CA set and remembers its URL; a set mbedTLS cannot parse makes every POST fail (never unpinned).</summary>
        public void UseCollector(TrustedCollector collector)
        {
            if (collector == null) throw new ArgumentNullException("collector");
            StringBuilder bundle = new StringBuilder();
            for (int i = 0; i < collector.TlsAnchorCount; i++)
            {
                bundle.Append(collector.GetTlsAnchor(i));
                bundle.Append('\n');
            }
            try
            {
                _anchors = PinnedCaBundle.Parse(bundle);
                _url = collector.ReportsUrl;
                _problem = null;
            }
            catch (Exception e)
            {
                _anchors = null;
                _url = null;
                _problem = "the collector's pinned CA set could not be parsed (" + e.Message + ")";
            }
        }

        public int Post(string deviceId, string mac, byte[] body, int count, int timeoutMilliseconds)
        {
            X509Certificate anchors = _anchors;
            string url = _url;
            if (anchors == null || url == null) throw new TransportException("POST of a report not sent: " + _problem + ".");
            int timeout = timeoutMilliseconds < MinTimeoutMilliseconds ? MinTimeoutMilliseconds : timeoutMilliseconds;
            HttpWebRequest request = null;
            HttpWebResponse response = null;
            try
            {
                request = (HttpWebRequest)WebRequest.Create(url);
                request.Method = "POST";
                request.KeepAlive = false;
                request.Timeout = timeout;
                request.ReadWriteTimeout = timeout;
                request.HttpsAuthentCert = anchors;
                request.SslProtocols = SslProtocols.Tls12;
                request.ContentType = "application/json";
                request.ContentLength = count;
                request.Headers.Set("X-SecureOta-Device", deviceId);
                request.Headers.Set("X-SecureOta-Mac", mac);
                Stream stream = request.GetRequestStream();
                try
                {
                    stream.Write(body, 0, count);
                }
                finally
                {
                    stream.Dispose();
                }
                response = (HttpWebResponse)request.GetResponse();
                if (response == null) throw new TransportException("POST " + url + ": the connection could not be established.");
                return (int)response.StatusCode;
            }
            catch (TransportException)
            {
                throw;
            }
            catch (WebException e)
            {
                // HttpWebRequest throws for 4xx and 5xx answers; the status is still the collector's answer.
                HttpWebResponse answer = e.Response as HttpWebResponse;
                if (answer != null)
                {
                    int status = (int)answer.StatusCode;
                    answer.Dispose();
                    return status;
                }
                throw new TransportException("POST " + url + " failed: " + FailureText.Describe(e), e);
            }
            catch (Exception e)
            {
                throw new TransportException("POST " + url + " failed: " + FailureText.Describe(e) + FailureText.NativeHeap(), e);
            }
            finally
            {
                if (response != null) response.Dispose();
                if (request != null) request.Dispose();
            }
        }
    }
}
