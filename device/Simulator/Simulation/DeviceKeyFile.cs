namespace SecureOta.Device.Simulation;

/// <summary>
/// Reads a device's X25519 private key from a key file in the build's format (UTF-8 text, lines starting
/// with '#' are comments, exactly one line holding the 32-byte key in standard base64), such as the
/// DEMO device key the build makes in .demo-keys/. Errors name the file, never its contents.
/// </summary>
public static class DeviceKeyFile
{
    public const int KeySize = 32;

    /// <summary>The key in <paramref name="path"/>; throws <see cref="SimulatorException"/> when it is missing or malformed.</summary>
    public static byte[] Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SimulatorException(SimulatorError.FileNotFound, $"The --device-key file '{path}' cannot be read: {e.Message}",
                "Check the path and its permissions.", e);
        }

        var keyLines = lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        if (keyLines.Count != 1)
        {
            throw new SimulatorException(SimulatorError.InvalidDeviceKeyFile,
                $"The --device-key file '{path}' holds {keyLines.Count} key lines; it must hold exactly one base64 line.",
                "Use a key file written by ./build.sh --target=NewKey --kind=x25519, or the DEMO device key in .demo-keys/.");
        }
        byte[] key;
        try
        {
            key = Convert.FromBase64String(keyLines[0]);
        }
        catch (FormatException e)
        {
            throw new SimulatorException(SimulatorError.InvalidDeviceKeyFile, $"The key line in '{path}' is not valid base64.",
                $"It must be the standard base64 of a {KeySize}-byte X25519 private key (44 characters ending in '=').", e);
        }
        if (key.Length != KeySize)
        {
            int length = key.Length;
            Array.Clear(key);
            throw new SimulatorException(SimulatorError.InvalidDeviceKeyFile, $"The key in '{path}' is {length} bytes; a device key is {KeySize} bytes.",
                "Give the device's 32-byte X25519 private key, not its public key (.pub) or another kind of key.");
        }
        return key;
    }
}
