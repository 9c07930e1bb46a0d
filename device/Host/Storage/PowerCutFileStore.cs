using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Host.Storage;

/// <summary>
/// Wraps a store and cuts the power at a chosen mutating operation, to test that the device survives
/// a reset at every point. Every OpenWrite, Delete, and every Write and Flush on a stream it opened
/// counts as one cut point, numbered from 1. At cut point <see cref="CutAt"/>: a Write writes only
/// the first half of its bytes (a torn write), an OpenWrite creates or truncates the file but returns
/// no stream, a Delete or Flush does not happen; then <see cref="PowerCutException"/> is thrown and
/// every later call (reads too) throws it, until <see cref="RestorePower"/>. Streams may always be disposed.
/// </summary>
public sealed class PowerCutFileStore : IFileStore
{
    private readonly IFileStore _inner;

    public PowerCutFileStore(IFileStore inner, int cutAt = 0)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfNegative(cutAt);
        _inner = inner;
        CutAt = cutAt;
    }

    /// <summary>The cut point at which the power fails; 0 never.</summary>
    public int CutAt { get; set; }

    /// <summary>Mutating operations so far (cut points passed, including the one that cut).</summary>
    public int Operations { get; private set; }

    /// <summary>True from the cut until <see cref="RestorePower"/>.</summary>
    public bool IsPoweredOff { get; private set; }

    /// <summary>Power returns: calls work again and no further cut is scheduled.</summary>
    public void RestorePower()
    {
        IsPoweredOff = false;
        CutAt = 0;
    }

    public bool Exists(string name)
    {
        ThrowIfOff();
        return _inner.Exists(name);
    }

    public long Length(string name)
    {
        ThrowIfOff();
        return _inner.Length(name);
    }

    public Stream OpenRead(string name)
    {
        ThrowIfOff();
        return new PowerCutStream(this, _inner.OpenRead(name));
    }

    public Stream OpenWrite(string name, bool append)
    {
        bool cut = NextOperation();
        Stream stream = _inner.OpenWrite(name, append);
        if (!cut) return new PowerCutStream(this, stream);
        stream.Dispose();
        throw Cut("OpenWrite(" + name + ")");
    }

    public void Delete(string name)
    {
        if (NextOperation()) throw Cut("Delete(" + name + ")");
        _inner.Delete(name);
    }

    /// <summary>Counts a mutating operation; true when it is the one the power fails at.</summary>
    internal bool NextOperation()
    {
        ThrowIfOff();
        Operations++;
        return Operations == CutAt;
    }

    internal void ThrowIfOff()
    {
        if (IsPoweredOff) throw new PowerCutException("the power is off (cut at operation " + CutAt + ")");
    }

    internal PowerCutException Cut(string operation)
    {
        IsPoweredOff = true;
        return new PowerCutException("power cut at operation " + Operations + ": " + operation);
    }
}
