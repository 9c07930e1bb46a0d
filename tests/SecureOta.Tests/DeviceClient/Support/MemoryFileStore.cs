using SecureOta.Device.Core.Platform;

namespace SecureOta.Tests.DeviceClient.Support;

/// <summary>
/// An in-memory flash drive for tests: every write lands immediately (like LittleFS syncing each
/// write), so a torn write leaves exactly the bytes written. <see cref="Clone"/> snapshots the drive,
/// so a power-cut test can replay a scenario from the same starting flash many times.
/// </summary>
public sealed class MemoryFileStore : IFileStore
{
    private readonly Dictionary<string, MemoryStream> _files = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _files.Keys;

    public bool Exists(string name) => _files.ContainsKey(name);

    public long Length(string name) => _files.TryGetValue(name, out var file) ? file.Length : -1;

    public Stream OpenRead(string name)
    {
        if (!_files.TryGetValue(name, out var file)) throw new FileNotFoundException("no file " + name, name);
        return new MemoryStream(file.GetBuffer(), 0, (int)file.Length, writable: false);
    }

    public Stream OpenWrite(string name, bool append)
    {
        if (!append || !_files.TryGetValue(name, out var file))
        {
            file = new MemoryStream();
            _files[name] = file;
        }
        return new AppendStream(file);
    }

    public void Delete(string name) => _files.Remove(name);

    public byte[] Read(string name) => _files[name].ToArray();

    public void Write(string name, byte[] bytes)
    {
        var file = new MemoryStream();
        file.Write(bytes);
        _files[name] = file;
    }

    public MemoryFileStore Clone()
    {
        var copy = new MemoryFileStore();
        foreach (var (name, file) in _files) copy.Write(name, file.ToArray());
        return copy;
    }

    /// <summary>Writes at the end of a shared file; the file outlives the stream.</summary>
    private sealed class AppendStream(MemoryStream file) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => file.Length;
        public override long Position { get => file.Length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            file.Position = file.Length;
            file.Write(buffer, offset, count);
        }
    }
}
