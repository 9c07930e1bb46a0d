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

    /// <summary>
    /// The 32-byte secrets from the files given (repeatable), else the environment (one or more base64 values
    /// separated by white space or commas, newest first); a clear error when neither is given.
    /// </summary>
    public static IReadOnlyList<byte[]> Read(IReadOnlyList<string> files, string? environmentValue)
    {
        if (files.Count > 0) return files.Select(f => KeyFile.Read(f, "content-key secret")).ToList();
        if (!string.IsNullOrWhiteSpace(environmentValue))
        {
            var parts = environmentValue.Split([' ', '\t', '\r', '\n', ','], StringSplitOptions.RemoveEmptyEntries);
            return parts.Select((p, i) => KeyFile.Decode(p, parts.Length == 1 ? EnvironmentVariable : $"{EnvironmentVariable} (value {i + 1})")).ToList();
        }
        throw new BuildException(BuildErrorCode.MissingKey, "No content-key secret was given: a real-keys build cannot derive the releases' content keys.",
            $"Set {EnvironmentVariable} to a base64 32-byte secret (./build.sh --target=NewKey --kind=secret --out=<file> makes one), " +
            $"or pass --{FileArgument}=<file>. Keep it in the CI secrets of both signing environments, apart from the release key.");
    }
}
