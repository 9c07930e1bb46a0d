using System;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Core.Trust;
using SecureOta.Device.Esp32.Portable;

namespace SecureOta.Device.Esp32
{
    /// <summary>
    /// <see cref="IHttpTransport"/> on nanoFramework's HttpWebRequest (package
    /// nanoFramework.System.Net.Http.Client). TLS 1.2 with mbedTLS, peer verification required (the
    /// SslStream default, CertificateRequired) against the trusted root's pinned CA set only, handed
    /// over as one PEM bundle in HttpsAuthentCert. There is no managed certificate callback, so the pin
    /// is "these CAs and no others": the device's own CA store must stay empty (see README).
    /// One connection per request (KeepAlive off), so a new pin set applies to the next request.
    /// HttpWebRequest never follows redirects. Failures surface as <see cref="TransportException"/>.
    /// </summary>
    public sealed class NanoHttpTransport : IHttpTransport
    {
        public const int DefaultResponseTimeoutMilliseconds = 30000;
        public const int DefaultReadTimeoutMilliseconds = 20000;

        private const int MinResponseHeadersKiB = 4;

        private readonly string _baseUrl;
        private readonly int _responseTimeout;
        private readonly int _readTimeout;
        private X509Certificate _anchors;
        private string _anchorProblem = "no trusted root has been loaded yet, so there is no pinned CA set";

        /// <param name="baseUrl">The site's OTA base URL, https and ending in '/' (checked).</param>
        /// <param name="responseTimeoutMilliseconds">Connect, TLS handshake and response headers.</param>
        /// <param name="readTimeoutMilliseconds">Longest wait for body bytes before the read fails.</param>
        public NanoHttpTransport(string baseUrl, int responseTimeoutMilliseconds, int readTimeoutMilliseconds)
        {
            if (baseUrl == null) throw new ArgumentNullException("baseUrl");
            string problem = SiteUrl.CheckBase(baseUrl);
            if (problem != null) throw new ArgumentException(problem, "baseUrl");
            if (responseTimeoutMilliseconds < 1000) throw new ArgumentOutOfRangeException("responseTimeoutMilliseconds");
            if (readTimeoutMilliseconds < 1000) throw new ArgumentOutOfRangeException("readTimeoutMilliseconds");
            _baseUrl = baseUrl;
            _responseTimeout = responseTimeoutMilliseconds;
            _readTimeout = readTimeoutMilliseconds;
        }

        /// <summary>
        /// Pins the CA set of <paramref name="root"/> (its tlsAnchors) for every following request. Wired
        /// to UpdateClientOptions.RootChanged, so it runs when the root is loaded and after a rotation.
        /// A set mbedTLS cannot parse is remembered as a problem: requests then fail, never go unpinned.
        /// </summary>
        public void UsePinnedAnchors(TrustedRoot root)
        {
            if (root == null) throw new ArgumentNullException("root");
            StringBuilder bundle = new StringBuilder();
            for (int i = 0; i < root.TlsAnchorCount; i++)
            {
                bundle.Append(root.GetTlsAnchor(i));
                bundle.Append('\n');
            }
            try
            {
                _anchors = PinnedCaBundle.Parse(bundle);
                _anchorProblem = null;
            }
            catch (Exception e)
            {
                _anchors = null;
                _anchorProblem = "the pinned CA set of root version " + root.Version + " could not be parsed (" + e.Message + ")";
            }
        }

        public IHttpResponse Get(string path, long rangeStart, string ifNoneMatch)
        {
            string url = SiteUrl.Resolve(_baseUrl, path);
            if (rangeStart > int.MaxValue) throw new ArgumentOutOfRangeException("rangeStart");
            X509Certificate anchors = _anchors;
            if (anchors == null) throw new TransportException("GET " + url + " not sent: " + _anchorProblem + ".");

            HttpWebRequest request = null;
            HttpWebResponse response = null;
            try
            {
                // Headers of a GitHub Pages response fit in the default 4 KiB; reading the static property
                // also runs HttpWebRequest's static constructor, which registers the https: prefix.
                if (HttpWebRequest.DefaultMaximumResponseHeadersLength < MinResponseHeadersKiB)
                    HttpWebRequest.DefaultMaximumResponseHeadersLength = MinResponseHeadersKiB;
                request = (HttpWebRequest)WebRequest.Create(url);
                request.Method = "GET";
                request.KeepAlive = false;
                request.Timeout = _responseTimeout;
                request.ReadWriteTimeout = _readTimeout;
                request.HttpsAuthentCert = anchors;
                request.SslProtocols = SslProtocols.Tls12;
                if (rangeStart >= 0) request.AddRange((int)rangeStart);
                if (ifNoneMatch != null) request.Headers.Set("If-None-Match", ifNoneMatch);

                response = (HttpWebResponse)request.GetResponse();
                if (response == null) throw new TransportException("GET " + url + ": the connection could not be established.");
                NanoHttpResponse result = new NanoHttpResponse(request, response, url, _readTimeout);
                request = null;
                response = null;
                return result;
            }
            catch (TransportException)
            {
                throw;
            }
            catch (OutOfMemoryException)
            {
                // Not a network failure: UpdateClient.Poll reports it as such (OutOfMemory) once the poll's stack is gone.
                throw;
            }
            catch (Exception e)
            {
                throw new TransportException("GET " + url + " failed: " + FailureText.Describe(e) + FailureText.NativeHeap(), e);
            }
            finally
            {
                if (response != null) response.Dispose();
                if (request != null) request.Dispose();
            }
        }
    }
}
