using SecureOta.Device.Core.Platform;

namespace SecureOta.Tests.DeviceClient.Support;

/// <summary>
/// A flash whose OpenWrite of one named file throws a chosen exception once (an OutOfMemoryException from
/// the platform, say); every other call goes to the inner store.
/// </summary>
public sealed class ThrowingFileStore(IFileStore inner, string name, Exception exception) : IFileStore
{
    public bool HasThrown { get; private set; }

    public bool Exists(string file) => inner.Exists(file);

    public long Length(string file) => inner.Length(file);

    public Stream OpenRead(string file) => inner.OpenRead(file);

    public Stream OpenWrite(string file, bool append)
    {
        if (HasThrown || !string.Equals(file, name, StringComparison.Ordinal)) return inner.OpenWrite(file, append);
        HasThrown = true;
        throw exception;
    }

    public void Delete(string file) => inner.Delete(file);
}
