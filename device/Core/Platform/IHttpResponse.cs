using System;

namespace SecureOta.Device.Core.Platform
{
    /// <summary>One HTTP response: status, the headers the protocol reads, and the body as a stream of reads.</summary>
    public interface IHttpResponse : IDisposable
    {
        /// <summary>The HTTP status code (200, 206, 304, 404, ...).</summary>
        int StatusCode { get; }

        /// <summary>The ETag header, or null when absent.</summary>
        string ETag { get; }

        /// <summary>Content-Length, or -1 when absent. Never trusted as a bound: the caller caps every body.</summary>
        long ContentLength { get; }

        /// <summary>The first byte position of a 206's Content-Range ("bytes N-M/T"), or -1 when absent or unparsable.</summary>
        long ContentRangeStart { get; }

        /// <summary>
        /// Reads up to <paramref name="count"/> body bytes; 0 means the body ended. Throws
        /// <see cref="TransportException"/> on a timeout or a dropped connection.
        /// </summary>
        int Read(byte[] buffer, int offset, int count);
    }
}
