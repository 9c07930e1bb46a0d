using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Core.Update
{
    /// <summary>One response of a <see cref="BudgetedTransport"/>: the headers as they are, each read checked against the poll's time bound.</summary>
    internal sealed class BudgetedResponse : IHttpResponse
    {
        private readonly IHttpResponse _inner;
        private readonly BudgetedTransport _budget;
        private readonly string _path;
        private readonly long _started;
        private long _bytes;

        internal BudgetedResponse(IHttpResponse inner, BudgetedTransport budget, string path, long started)
        {
            _inner = inner;
            _budget = budget;
            _path = path;
            _started = started;
        }

        public int StatusCode { get { return _inner.StatusCode; } }

        public string ETag { get { return _inner.ETag; } }

        public long ContentLength { get { return _inner.ContentLength; } }

        public long ContentRangeStart { get { return _inner.ContentRangeStart; } }

        public int Read(byte[] buffer, int offset, int count)
        {
            int read = _inner.Read(buffer, offset, count);
            if (read > 0) _bytes += read;
            // The end of the body is checked too: a body that ended after the deadline still ends the poll.
            _budget.Check(_path, _started, _bytes, read > 0 ? read : 0);
            return read;
        }

        public void Dispose()
        {
            _inner.Dispose();
        }
    }
}
