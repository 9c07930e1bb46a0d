using System.Text;

namespace SecureOta.Collector.Crypto;

/// <summary>
/// Reads the collector's private key in the repository's key file format (the one NewKey writes):
/// UTF-8 text, '#' comment lines, exactly one line with the 32-byte key in standard base64. The same
/// base64 line may come from the environment (SECUREOTA_COLLECTOR_KEY). Errors never quote the key.
/// </summary>
public static class PrivateKeyText
{
    /// <summary>The 32-byte key in <paramref name="text"/>; <paramref name="source"/> names it in errors.</summary>
    public static byte[] Parse(string text, string source)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        if (lines.Count != 1)
            throw new CollectorConfigurationException($"{source} holds {lines.Count} key lines; it must hold exactly one base64 line (make the key with ./build.sh --target=NewKey --kind=x25519 --out=<file>).");

        byte[] key;
        try
        {
            key = Convert.FromBase64String(lines[0]);
        }
        catch (FormatException)
        {
            throw new CollectorConfigurationException($"The key in {source} is not valid base64: it must be the standard base64 of a 32-byte X25519 private key.");
        }

        if (key.Length != CollectorKey.KeySize)
            throw new CollectorConfigurationException($"The key in {source} is {key.Length} bytes; an X25519 private key is {CollectorKey.KeySize} bytes (give the private key file, not the .pub).");
        return key;
    }

    /// <summary>Reads and parses a key file.</summary>
    public static byte[] ReadFile(string path)
    {
        if (!File.Exists(path))
            throw new CollectorConfigurationException($"The collector key file '{path}' does not exist (create it with ./build.sh --target=NewKey --kind=x25519 --out=<file>).");
        return Parse(File.ReadAllText(path, Encoding.UTF8), $"the collector key file '{path}'");
    }
}
