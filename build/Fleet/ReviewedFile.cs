using SecureOta.Build.Frosting;

namespace SecureOta.Build.Fleet;

/// <summary>
/// Replaces a file that maintainers review in pull requests (releases/channels.json,
/// keys/recipients.json): written next to it and moved into place in one step, so an interrupted run
/// never leaves half a file; nothing is written when the bytes would not change.
/// </summary>
public static class ReviewedFile
{
    /// <summary>Replaces <paramref name="path"/> with <paramref name="bytes"/>; false when it already held exactly them.</summary>
    public static bool Replace(string path, byte[] bytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(bytes);
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
        {
            return false;
        }

        var staging = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllBytes(staging, bytes);
            File.Move(staging, path, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(staging)) File.Delete(staging);
            throw new BuildException(BuildErrorCode.FileSystem, $"{path} could not be written: {exception.Message}",
                "Check that the file and its folder are writable, then run the target again.", exception);
        }

        return true;
    }
}
