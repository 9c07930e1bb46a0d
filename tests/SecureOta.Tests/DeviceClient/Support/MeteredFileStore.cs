using SecureOta.Device.Core.Platform;

namespace SecureOta.Tests.DeviceClient.Support;

/// <summary>A flash drive whose allocations (open, stream reads and writes, deletes) go to an <see cref="AllocationMeter"/>.</summary>
public sealed class MeteredFileStore(IFileStore inner, AllocationMeter meter) : IFileStore
{
    // Written out without lambdas: a closure would be allocated outside the measurement and charged to the core.
    public bool Exists(string name)
    {
        long before = AllocationMeter.ThreadTotal;
        bool exists = inner.Exists(name);
        meter.Add(AllocationMeter.ThreadTotal - before);
        return exists;
    }

    public long Length(string name)
    {
        long before = AllocationMeter.ThreadTotal;
        long length = inner.Length(name);
        meter.Add(AllocationMeter.ThreadTotal - before);
        return length;
    }

    public Stream OpenRead(string name)
    {
        long before = AllocationMeter.ThreadTotal;
        Stream stream = new MeteredStream(inner.OpenRead(name), meter);
        meter.Add(AllocationMeter.ThreadTotal - before);
        return stream;
    }

    public Stream OpenWrite(string name, bool append)
    {
        long before = AllocationMeter.ThreadTotal;
        Stream stream = new MeteredStream(inner.OpenWrite(name, append), meter);
        meter.Add(AllocationMeter.ThreadTotal - before);
        return stream;
    }

    public void Delete(string name)
    {
        long before = AllocationMeter.ThreadTotal;
        inner.Delete(name);
        meter.Add(AllocationMeter.ThreadTotal - before);
    }

    private sealed class MeteredStream(Stream stream, AllocationMeter meter) : Stream
    {
        public override bool CanRead => stream.CanRead;
        // A read stream seeks like the file under it: a delta patch reads the running image at random offsets.
        public override bool CanSeek => stream.CanSeek && !stream.CanWrite;
        public override bool CanWrite => stream.CanWrite;
        public override long Length => stream.Length;
        public override long Position { get => stream.Position; set => Seek(value, SeekOrigin.Begin); }

        public override long Seek(long offset, SeekOrigin origin)
        {
            if (!CanSeek) throw new NotSupportedException();
            long before = AllocationMeter.ThreadTotal;
            long position = stream.Seek(offset, origin);
            meter.Add(AllocationMeter.ThreadTotal - before);
            return position;
        }
        public override void SetLength(long value) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            long before = AllocationMeter.ThreadTotal;
            int read = stream.Read(buffer, offset, count);
            meter.Add(AllocationMeter.ThreadTotal - before);
            return read;
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            long before = AllocationMeter.ThreadTotal;
            stream.Write(buffer, offset, count);
            meter.Add(AllocationMeter.ThreadTotal - before);
        }

        public override void Flush()
        {
            long before = AllocationMeter.ThreadTotal;
            stream.Flush();
            meter.Add(AllocationMeter.ThreadTotal - before);
        }

        protected override void Dispose(bool disposing)
        {
            long before = AllocationMeter.ThreadTotal;
            if (disposing) stream.Dispose();
            base.Dispose(disposing);
            meter.Add(AllocationMeter.ThreadTotal - before);
        }
    }
}
