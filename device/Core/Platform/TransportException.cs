using System;

namespace SecureOta.Device.Core.Platform
{
    /// <summary>
    /// The network or TLS layer failed (no route, timeout, reset, a certificate outside the pin set).
    /// Thrown only by transport implementations; the core turns it into a typed update failure and
    /// retries on a later poll.
    /// </summary>
    public sealed class TransportException : Exception
    {
        public TransportException(string message) : base(message) { }

        public TransportException(string message, Exception innerException) : base(message, innerException) { }
    }
}
