using SecureOta.Device.Core.Platform;

namespace SecureOta.Build.DeviceCost;

/// <summary>
/// The device's flash for the poll steps: files held as byte arrays. A written file's content is
/// replaced when its stream is disposed (the core disposes every stream it opens). File I/O is native
/// on the device, so none of this is counted.
/// </summary>
internal sealed class MemoryFileStore : IFileStore
{
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public bool Exists(string name) => _files.ContainsKey(name);

    public long Length(string name) => _files.TryGetValue(name, out var content) ? content.Length : -1;

    public Stream OpenRead(string name) =>
        _files.TryGetValue(name, out var content) ? new MemoryStream(content, writable: false) : throw new FileNotFoundException(name);

    public Stream OpenWrite(string name, bool append)
    {
        var stream = new CommittingStream(this, name);
        if (append && _files.TryGetValue(name, out var content)) stream.Write(content, 0, content.Length);
        return stream;
    }

    public void Delete(string name) => _files.Remove(name);

    private sealed class CommittingStream(MemoryFileStore store, string name) : MemoryStream
    {
        public override void Flush()
        {
            base.Flush();
            store._files[name] = ToArray();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) store._files[name] = ToArray();
            base.Dispose(disposing);
        }
    }
}
