using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Device.Core.Delta;

namespace SecureOta.Build.Delta;

/// <summary>The file arguments of the Diff and Patch tasks: required, relative to the working directory, images within the protocol's limit.</summary>
internal static class DeltaFileArguments
{
    /// <summary>The full path given by <c>--name</c>, which must be present.</summary>
    public static string Path(BuildContext context, string name, string purpose, string usage)
    {
        var value = context.GetArgument(name);
        if (string.IsNullOrWhiteSpace(value))
            throw new BuildException(BuildErrorCode.InvalidArgument, $"--{name} is missing: it names {purpose}.", $"Run {usage}.");
        return System.IO.Path.GetFullPath(value, context.Environment.WorkingDirectory);
    }

    /// <summary>The bytes of an image file named by <c>--name</c>, at most the protocol's image size.</summary>
    public static byte[] ReadImage(BuildContext context, string name, string purpose, string usage)
    {
        var path = Path(context, name, purpose, usage);
        var length = FileLength(path, name);
        if (length > PatchFormat.MaxImageSize)
            throw new BuildException(BuildErrorCode.ProtocolLimitExceeded, $"{path} ({purpose}) has {length} bytes; images are limited to {PatchFormat.MaxImageSize}.",
                "Patches are made only between images a device can install (docs/PROTOCOL.md section 11).");
        return ReadAll(path, name);
    }

    /// <summary>The length of an existing file, or a file-system error naming the argument.</summary>
    public static long FileLength(string path, string name)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
            throw new BuildException(BuildErrorCode.FileSystem, $"--{name}={path} does not exist.", "Check the path; relative paths start at the working directory.");
        return file.Length;
    }

    public static byte[] ReadAll(string path, string name)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BuildException(BuildErrorCode.FileSystem, $"--{name}={path} could not be read: {e.Message}", "Check the file and its permissions.", e);
        }
    }

    /// <summary>Writes <paramref name="bytes"/> through a temporary file, so a failure never leaves a partial file under the name.</summary>
    public static void WriteAll(string path, string name, Action<Stream> write)
    {
        var temporary = path + ".tmp-" + Environment.ProcessId;
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite)) write(stream);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new BuildException(BuildErrorCode.FileSystem, $"--{name}={path} could not be written: {e.Message}", "Check the folder exists and is writable.", e);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
