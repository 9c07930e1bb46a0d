using SecureOta.Device.Core.Platform;
using SecureOta.Tests.DeviceClient.Support;

namespace SecureOta.Tests.Esp32;

/// <summary>
/// The loader's small-file and exact-length reads (device/Esp32/Loader/Portable/FileBytes.cs and
/// StreamReads.cs): capped so a wrong file cannot take the heap, in slices of at most 4 KiB because
/// nanoFramework's FileStream.Read allocates a temporary array as large as each request.
/// </summary>
public sealed class FileReadsTests
{
    private const string FileBytes = "SecureOta.Device.Esp32.Loader.Portable.FileBytes";
    private const string StreamReads = "SecureOta.Device.Esp32.Loader.Portable.StreamReads";

    [Fact]
    public void Reads_a_whole_file_within_its_cap()
    {
        var drive = new MemoryFileStore();
        drive.Write("provision.json", TestSite.Image(4096, 3));

        byte[]? bytes = Read(drive, "provision.json", 4096, out string? problem);

        Assert.Null(problem);
        Assert.Equal(TestSite.Image(4096, 3), bytes);
    }

    [Fact]
    public void Refuses_a_file_over_its_cap_without_reading_it()
    {
        var drive = new MemoryFileStore();
        drive.Write("provision.json", new byte[4097]);

        Assert.Null(Read(drive, "provision.json", 4096, out string? problem));
        Assert.Contains("at most 4096", problem);
    }

    [Fact]
    public void Reports_a_file_that_was_not_deployed()
    {
        Assert.Null(Read(new MemoryFileStore(), "provision.json", 4096, out string? problem));
        Assert.Contains("not on the device's drive", problem);
    }

    [Fact]
    public void Fails_when_a_file_holds_fewer_bytes_than_its_length()
    {
        var drive = new ShortReadFileStore(new MemoryFileStore());
        drive.Inner.Write("provision.json", new byte[100]);

        Assert.Throws<IOException>(() => Read(drive, "provision.json", 4096, out _));
    }

    [Fact]
    public void Reads_exact_lengths_in_slices_of_at_most_4_KiB()
    {
        var stream = new RecordingStream(new MemoryStream(TestSite.Image(10000, 9)));
        byte[] buffer = new byte[10010];

        PortableCode.Call(StreamReads, "Fill", stream, buffer, 10, 10000);

        Assert.Equal(TestSite.Image(10000, 9), buffer.Skip(10).ToArray());
        Assert.All(stream.Requests, request => Assert.True(request <= 4096, $"a read asked for {request} bytes"));
        Assert.Throws<IOException>(() => PortableCode.Call(StreamReads, "Fill", new MemoryStream(new byte[5]), buffer, 0, 6));
    }

    private static byte[]? Read(IFileStore files, string name, int cap, out string? problem)
    {
        object?[] args = [files, name, cap, null];
        var bytes = (byte[]?)PortableCode.Call(FileBytes, "Read", args);
        problem = (string?)args[3];
        return bytes;
    }

    /// <summary>Claims one byte more than the file holds, as a file cut short under the reader would.</summary>
    private sealed class ShortReadFileStore(MemoryFileStore inner) : IFileStore
    {
        public MemoryFileStore Inner => inner;
        public bool Exists(string name) => inner.Exists(name);
        public long Length(string name) => inner.Length(name) + 1;
        public Stream OpenRead(string name) => inner.OpenRead(name);
        public Stream OpenWrite(string name, bool append) => inner.OpenWrite(name, append);
        public void Delete(string name) => inner.Delete(name);
    }

    private sealed class RecordingStream(Stream inner) : Stream
    {
        public List<int> Requests { get; } = [];
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            Requests.Add(count);
            return inner.Read(buffer, offset, Math.Min(count, 1000));
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
