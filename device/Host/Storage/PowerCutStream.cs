namespace SecureOta.Device.Host.Storage;

/// <summary>
/// A stream opened through <see cref="PowerCutFileStore"/>: its writes and flushes are cut points. A read
/// stream seeks when the file underneath does (a delta patch reads the running image at random offsets);
/// seeking changes nothing on the flash, so it is not a cut point, but like every call it fails once the power is off.
/// </summary>
internal sealed class PowerCutStream : Stream
{
    private readonly PowerCutFileStore _store;
    private readonly Stream _inner;

    internal PowerCutStream(PowerCutFileStore store, Stream inner)
    {
        _store = store;
        _inner = inner;
    }

    public override bool CanRead => _inner.CanRead;
    public override bool CanSeek => _inner.CanSeek && !_inner.CanWrite;
    public override bool CanWrite => _inner.CanWrite;
    public override long Length => CanSeek ? _inner.Length : throw new NotSupportedException();

    public override long Position
    {
        get => CanSeek ? _inner.Position : throw new NotSupportedException();
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        _store.ThrowIfOff();
        return _inner.Read(buffer, offset, count);
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (_store.NextOperation())
        {
            // A torn write: the first half reaches the flash, then the power fails.
            _inner.Write(buffer, offset, count / 2);
            _inner.Flush();
            throw _store.Cut("Write of " + count + " bytes");
        }
        _inner.Write(buffer, offset, count);
    }

    public override void Flush()
    {
        if (_store.NextOperation()) throw _store.Cut("Flush");
        _inner.Flush();
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        if (!CanSeek) throw new NotSupportedException();
        _store.ThrowIfOff();
        return _inner.Seek(offset, origin);
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }
}
