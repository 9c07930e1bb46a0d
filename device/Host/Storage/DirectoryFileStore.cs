using SecureOta.Device.Core.Platform;

namespace SecureOta.Device.Host.Storage;

/// <summary>
/// <see cref="IFileStore"/> over one folder of the host's file system: the simulator's stand-in for
/// the ESP32's flat LittleFS drive. Names are flat, so a name with a path separator or a dot-only name
/// is refused rather than allowed to escape the folder.
/// </summary>
public sealed class DirectoryFileStore : IFileStore
{
    private readonly string _folder;

    /// <summary>Uses <paramref name="folder"/>, creating it if needed.</summary>
    public DirectoryFileStore(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        _folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(_folder);
    }

    /// <summary>The folder holding the files.</summary>
    public string Folder => _folder;

    public bool Exists(string name) => File.Exists(PathOf(name));

    public long Length(string name)
    {
        var info = new FileInfo(PathOf(name));
        return info.Exists ? info.Length : -1;
    }

    public Stream OpenRead(string name) =>
        new FileStream(PathOf(name), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);

    public Stream OpenWrite(string name, bool append) =>
        new FileStream(PathOf(name), append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read);

    public void Delete(string name) => File.Delete(PathOf(name));

    private string PathOf(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.IndexOfAny(['/', '\\', '\0']) >= 0 || name.Trim('.').Length == 0)
            throw new ArgumentException($"\"{name}\" is not a flat file name", nameof(name));
        return Path.Combine(_folder, name);
    }
}
