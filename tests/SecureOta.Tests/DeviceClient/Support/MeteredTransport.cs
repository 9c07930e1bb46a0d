using SecureOta.Device.Core.Platform;

namespace SecureOta.Tests.DeviceClient.Support;

/// <summary>A transport whose allocations (requests, responses, reads) go to an <see cref="AllocationMeter"/>.</summary>
public sealed class MeteredTransport(IHttpTransport inner, AllocationMeter meter) : IHttpTransport
{
    public IHttpResponse Get(string path, long rangeStart, string ifNoneMatch)
    {
        long before = AllocationMeter.ThreadTotal;
        try
        {
            return new MeteredResponse(inner.Get(path, rangeStart, ifNoneMatch), meter);
        }
        finally
        {
            meter.Add(AllocationMeter.ThreadTotal - before);
        }
    }

    private sealed class MeteredResponse(IHttpResponse response, AllocationMeter meter) : IHttpResponse
    {
        public int StatusCode => response.StatusCode;
        public string ETag => response.ETag;
        public long ContentLength => response.ContentLength;
        public long ContentRangeStart => response.ContentRangeStart;

        public int Read(byte[] buffer, int offset, int count)
        {
            long before = AllocationMeter.ThreadTotal;
            try
            {
                return response.Read(buffer, offset, count);
            }
            finally
            {
                meter.Add(AllocationMeter.ThreadTotal - before);
            }
        }

        public void Dispose()
        {
            long before = AllocationMeter.ThreadTotal;
            response.Dispose();
            meter.Add(AllocationMeter.ThreadTotal - before);
        }
    }
}
