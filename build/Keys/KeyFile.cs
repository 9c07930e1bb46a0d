using System.Security.Cryptography;
using System.Text;
using SecureOta.Build.Frosting;

namespace SecureOta.Build.Keys;

/// <summary>
/// The private key file format: UTF-8 text, lines starting with '#' are comments, and exactly one
/// line holds the 32-byte key in standard base64 (the same text SECUREOTA_RELEASE_KEY holds).
/// Errors name the file, never its contents. Written files are readable by their owner only.
/// </summary>
public static class KeyFile
{
    public const int KeySize = 32;

    /// <summary>Reads a 32-byte key from <paramref name="path"/>; <paramref name="purpose"/> names it in errors.</summary>
    public static byte[] Read(string path, string purpose)
    {
        if (!File.Exists(path))
        {
            throw new BuildException(BuildErrorCode.MissingKey, $"The {purpose} file '{path}' does not exist.",
                $"Check the path, or create the key with ./build.sh --target=NewKey --out=<file>.");
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(path, Encoding.UTF8);
        }
        catch (IOException e)
        {
            throw new BuildException(BuildErrorCode.MissingKey, $"The {purpose} file '{path}' cannot be read: {e.Message}", "Check its permissions.", e);
        }

        var keyLines = lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        if (keyLines.Count != 1)
        {
            throw new BuildException(BuildErrorCode.InvalidKey,
                $"The {purpose} file '{path}' holds {keyLines.Count} key lines; it must hold exactly one base64 line.",
                "Use a file written by InitRoot or NewKey (comment lines start with '#').");
        }
        return Decode(keyLines[0], $"the {purpose} file '{path}'");
    }

    /// <summary>Decodes one base64 key; <paramref name="source"/> names where it came from in errors.</summary>
    public static byte[] Decode(string base64, string source)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new BuildException(BuildErrorCode.InvalidKey, $"The key in {source} is not valid base64.",
                $"It must be the standard base64 of a {KeySize}-byte key (44 characters ending in '=').");
        }
        if (key.Length != KeySize)
        {
            int length = key.Length;
            CryptographicOperations.ZeroMemory(key);
            throw new BuildException(BuildErrorCode.InvalidKey, $"The key in {source} is {length} bytes; it must be {KeySize} bytes.",
                "Give the 32-byte Ed25519 seed or X25519 private key, not a 64-byte libsodium secret key or a public key.");
        }
        return key;
    }

    /// <summary>The text of a key file: comment lines, then the base64 key.</summary>
    public static string Format(byte[] key, IEnumerable<string> comments)
    {
        var text = new StringBuilder();
        foreach (var comment in comments) text.Append("# ").Append(comment).Append('\n');
        return text.Append(Convert.ToBase64String(key)).Append('\n').ToString();
    }

    /// <summary>Writes a key file that only its owner can read; refuses to overwrite an existing file.</summary>
    public static void Write(string path, byte[] key, IEnumerable<string> comments)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var stream = new FileStream(path, options);
            stream.Write(Encoding.UTF8.GetBytes(Format(key, comments)));
        }
        catch (IOException e) when (File.Exists(path))
        {
            throw new BuildException(BuildErrorCode.FileSystem, $"'{path}' already exists; a key file is never overwritten.",
                "Choose another --out path, or move the old key away deliberately.", e);
        }
    }
}
