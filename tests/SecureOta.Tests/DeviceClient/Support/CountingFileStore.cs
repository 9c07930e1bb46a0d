using SecureOta.Device.Core.Platform;

namespace SecureOta.Tests.DeviceClient.Support;

/// <summary>Counts how often each file is opened for writing (one open per stored boot state or root).</summary>
public sealed class CountingFileStore(IFileStore inner) : IFileStore
{
    public Dictionary<string, int> Writes { get; } = new(StringComparer.Ordinal);

    public int WritesOf(params string[] names) => names.Sum(n => Writes.GetValueOrDefault(n));

    public bool Exists(string name) => inner.Exists(name);

    public long Length(string name) => inner.Length(name);

    public Stream OpenRead(string name) => inner.OpenRead(name);

    public Stream OpenWrite(string name, bool append)
    {
        Writes[name] = Writes.GetValueOrDefault(name) + 1;
        return inner.OpenWrite(name, append);
    }

    public void Delete(string name) => inner.Delete(name);
}
