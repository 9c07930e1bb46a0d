using System;
using System.IO;
using System.Net;
using System.Threading;
using SecureOta.Device.Core.Platform;
using SecureOta.Device.Esp32.Portable;

namespace SecureOta.Device.Esp32
{
    /// <summary>
    /// One response of <see cref="NanoHttpTransport"/>. nanoFramework's response stream may return 0
    /// bytes before the declared end of a body (a TLS read with nothing decrypted yet), so a 0 is
    /// retried until the body has its Content-Length or this response's own read timeout passes.
    /// Without a Content-Length, 0 is the end: a short body never verifies, so that fails closed.
    /// Disposing closes the stream, the response and its connection.
    /// </summary>
    internal sealed class NanoHttpResponse : IHttpResponse
    {
        private const int RetryPauseMilliseconds = 20;

        private readonly HttpWebRequest _request;
        private readonly HttpWebResponse _response;
        private readonly string _url;
        private readonly int _readTimeout;
        private Stream _body;
        private long _bytesRead;
        private bool _disposed;

        public NanoHttpResponse(HttpWebRequest request, HttpWebResponse response, string url, int readTimeoutMilliseconds)
        {
            _request = request;
            _response = response;
            _url = url;
            _readTimeout = readTimeoutMilliseconds;
            StatusCode = (int)response.StatusCode;
            ETag = EmptyToNull(response.GetResponseHeader("ETag"));
            ContentLength = response.ContentLength;
            ContentRangeStart = ContentRangeHeader.ParseStart(response.GetResponseHeader("Content-Range"));
        }

        public int StatusCode { get; private set; }

        public string ETag { get; private set; }

        public long ContentLength { get; private set; }

        public long ContentRangeStart { get; private set; }

        public int Read(byte[] buffer, int offset, int count)
        {
            if (buffer == null) throw new ArgumentNullException("buffer");
            if (offset < 0 || count < 0 || offset > buffer.Length - count) throw new ArgumentOutOfRangeException("count");
            if (_disposed) throw new ObjectDisposedException("NanoHttpResponse");
            if (count == 0) return 0;
            if (ContentLength >= 0)
            {
                long remaining = ContentLength - _bytesRead;
                if (remaining <= 0) return 0;
                if (count > remaining) count = (int)remaining;
            }

            long deadline = Environment.TickCount64 + _readTimeout;
            while (true)
            {
                int read = ReadOnce(buffer, offset, count);
                if (read > 0)
                {
                    _bytesRead += read;
                    return read;
                }
                if (ContentLength < 0) return 0;
                if (Environment.TickCount64 >= deadline)
                    throw new TransportException("GET " + _url + ": no body bytes for " + _readTimeout + " ms at byte " + _bytesRead +
                        " of " + ContentLength + "; the next poll resumes.");
                Thread.Sleep(RetryPauseMilliseconds);
            }
        }

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            try
            {
                if (_body != null) _body.Dispose();
            }
            finally
            {
                _response.Dispose();
                _request.Dispose();
            }
        }

        private int ReadOnce(byte[] buffer, int offset, int count)
        {
            try
            {
                if (_body == null) _body = _response.GetResponseStream();
                return _body.Read(buffer, offset, count);
            }
            catch (OutOfMemoryException)
            {
                // Not a broken body: UpdateClient.Poll reports it as OutOfMemory.
                throw;
            }
            catch (Exception e)
            {
                throw new TransportException("GET " + _url + ": the body broke off at byte " + _bytesRead + ": " + FailureText.Describe(e), e);
            }
        }

        private static string EmptyToNull(string value)
        {
            return value == null || value.Length == 0 ? null : value;
        }
    }
}
