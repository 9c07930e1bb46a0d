using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Core.Update
{
    /// <summary>
    /// The poll's time bound (TUF's slow retrieval attack, docs/PROTOCOL.md section 9 "Time bounds"). Every
    /// request and every body read of a poll goes through it: a request that would start after the poll's
    /// deadline, a read that returns after it, or a response whose average rate has fallen below the minimum
    /// once its grace period passed, throws a <see cref="TransportException"/> that says what the server did.
    /// The transport's own per-read timeout bounds a single blocked read; this bounds their sum, which a
    /// server dripping one byte just inside each read timeout could otherwise stretch without end.
    /// Time comes from <see cref="IClock.MonotonicMilliseconds"/>, which SNTP cannot move.
    /// </summary>
    internal sealed class BudgetedTransport : IHttpTransport
    {
        private readonly IHttpTransport _inner;
        private readonly IClock _clock;
        private readonly long _deadlineMilliseconds;
        private readonly long _minimumBytesPerSecond;
        private readonly long _graceMilliseconds;
        private long _pollStart;
        private long _pollBytes;

        internal BudgetedTransport(IHttpTransport inner, IClock clock, UpdateClientOptions options)
        {
            _inner = inner;
            _clock = clock;
            _deadlineMilliseconds = (long)options.PollDeadlineSeconds * 1000;
            _minimumBytesPerSecond = options.MinimumBytesPerSecond;
            _graceMilliseconds = (long)options.RateGraceSeconds * 1000;
        }

        /// <summary>Starts a poll's clock.</summary>
        internal void Start()
        {
            _pollStart = _clock.MonotonicMilliseconds;
            _pollBytes = 0;
        }

        public IHttpResponse Get(string path, long rangeStart, string ifNoneMatch)
        {
            CheckDeadline(path);
            IHttpResponse response = _inner.Get(path, rangeStart, ifNoneMatch);
            long started = _clock.MonotonicMilliseconds;
            if (started - _pollStart > _deadlineMilliseconds)
            {
                response.Dispose();
                CheckDeadline(path);
            }
            return new BudgetedResponse(response, this, path, started);
        }

        /// <summary>Called after every read of a response: the poll's deadline, then the response's rate.</summary>
        internal void Check(string path, long responseStart, long responseBytes, int justRead)
        {
            _pollBytes += justRead;
            CheckDeadline(path);
            // The read that found the end of the body is not judged: nothing more is asked of the server.
            if (justRead <= 0 || _minimumBytesPerSecond <= 0) return;
            long elapsed = _clock.MonotonicMilliseconds - responseStart;
            if (elapsed < _graceMilliseconds) return;
            // Integer arithmetic, no overflow for any real transfer: bytes * 1000 stays far below 2^63.
            if (responseBytes * 1000 >= _minimumBytesPerSecond * elapsed) return;
            throw new TransportException("GET " + path + ": the server sent " + responseBytes + " bytes in " + Seconds(elapsed) +
                " s, below the minimum of " + _minimumBytesPerSecond + " B/s (slow retrieval); the poll gives it up");
        }

        private void CheckDeadline(string path)
        {
            long elapsed = _clock.MonotonicMilliseconds - _pollStart;
            if (elapsed <= _deadlineMilliseconds) return;
            throw new TransportException("GET " + path + ": the poll ran " + Seconds(elapsed) + " s, over its deadline of " +
                (_deadlineMilliseconds / 1000) + " s, and received " + _pollBytes + " bytes (slow retrieval); the poll gives up");
        }

        private static string Seconds(long milliseconds)
        {
            long tenths = milliseconds / 100;
            return (tenths / 10).ToString() + "." + (tenths % 10).ToString();
        }
    }
}
