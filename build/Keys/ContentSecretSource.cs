using SecureOta.Build.Frosting;

namespace SecureOta.Build.Keys;

/// <summary>
/// Finds the content-key secret (docs/PROTOCOL.md section 10): <c>--content-secret=&lt;file&gt;</c>, else
/// the SECUREOTA_CONTENT_SECRET environment variable (a base64 32-byte value). It is a secret of its
/// own, apart from every signing key, so rotating the release key changes no content key and a leaked
/// CI signing key alone decrypts nothing; rotating it changes the keys of releases built from then on.
/// Never printed.
/// </summary>
public static class ContentSecretSource
{
    public const string EnvironmentVariable = "SECUREOTA_CONTENT_SECRET";
    public const string FileArgument = "content-secret";

    /// <summary>The 32-byte secret from the file given, else the environment; a clear error when neither is given.</summary>
    public static byte[] Read(string? file, string? environmentValue)
    {
        if (file is not null) return KeyFile.Read(file, "content-key secret");
        if (!string.IsNullOrWhiteSpace(environmentValue)) return KeyFile.Decode(environmentValue.Trim(), EnvironmentVariable);
        throw new BuildException(BuildErrorCode.MissingKey, "No content-key secret was given: a real-keys build cannot derive the releases' content keys.",
            $"Set {EnvironmentVariable} to a base64 32-byte secret (./build.sh --target=NewKey --kind=secret --out=<file> makes one), " +
            $"or pass --{FileArgument}=<file>. Keep it in the CI secrets of both signing environments, apart from the release key.");
    }
}
