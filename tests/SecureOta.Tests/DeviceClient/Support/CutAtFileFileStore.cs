using SecureOta.Device.Core.Platform;
using SecureOta.Device.Host.Storage;

namespace SecureOta.Tests.DeviceClient.Support;

/// <summary>
/// Cuts the power when one named file is opened for writing: before a byte lands, or (torn) after the first
/// half of the first write. The cut throws <see cref="PowerCutException"/>; the test then boots a fresh
/// device over the inner flash, as after a reset.
/// </summary>
public sealed class CutAtFileFileStore(IFileStore inner, string name, bool torn) : IFileStore
{
    public bool HasCut { get; private set; }

    public bool Exists(string file) => inner.Exists(file);

    public long Length(string file) => inner.Length(file);

    public Stream OpenRead(string file) => inner.OpenRead(file);

    public Stream OpenWrite(string file, bool append)
    {
        if (HasCut || !string.Equals(file, name, StringComparison.Ordinal)) return inner.OpenWrite(file, append);
        HasCut = true;
        if (!torn) throw new PowerCutException("power cut before " + file + " was written");
        return new TearingStream(inner.OpenWrite(file, append));
    }

    public void Delete(string file) => inner.Delete(file);

    /// <summary>Writes the first half of the first write, then the power fails.</summary>
    private sealed class TearingStream(Stream file) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => file.Length;
        public override long Position { get => file.Position; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            file.Write(buffer, offset, count / 2);
            throw new PowerCutException("power cut in the middle of a write");
        }

        public override void Flush() => file.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) file.Dispose();
            base.Dispose(disposing);
        }
    }
}
