using SecureOta.Build.Context;
using SecureOta.Build.Crypto;
using SecureOta.Build.Frosting;

namespace SecureOta.Build.Keys;

/// <summary>
/// The root keys that sign a ceremony's new root version, read only from where the maintainer points:
/// <c>--root-key=&lt;file&gt;</c> (repeatable) and <c>--root-key-env=&lt;VARIABLE&gt;</c> (repeatable; the
/// variable holds one base64 seed, as in a key file). Errors name the file or variable, never the key.
/// </summary>
public static class RootSigningKeys
{
    public const string FileArgument = "root-key";
    public const string EnvironmentArgument = "root-key-env";

    /// <summary>Key pairs for every key named; the caller disposes them. Throws when none is named.</summary>
    public static List<Ed25519KeyPair> Read(BuildContext context, string needed) =>
        Read(context, FileArgument, EnvironmentArgument, "root key", needed);

    /// <summary>
    /// Key pairs for every key named by <c>--&lt;fileArgument&gt;</c> and <c>--&lt;environmentArgument&gt;</c>
    /// (an approval key's, say); the caller disposes them. Throws when none is named.
    /// </summary>
    public static List<Ed25519KeyPair> Read(BuildContext context, string fileArgument, string environmentArgument, string what, string needed)
    {
        var files = context.GetArguments(fileArgument);
        var variables = context.GetArguments(environmentArgument);
        if (files.Count == 0 && variables.Count == 0)
        {
            throw new BuildException(BuildErrorCode.MissingKey, $"No {what} was given to sign with.",
                $"Pass --{fileArgument}=<file> or --{environmentArgument}=<VARIABLE> for each {what} that signs; {needed}.");
        }

        var seeds = new List<byte[]>();
        try
        {
            foreach (var file in files)
            {
                seeds.Add(KeyFile.Read(Path.GetFullPath(file, context.Environment.WorkingDirectory), what));
            }

            foreach (var variable in variables)
            {
                var value = context.Environment.GetEnvironmentVariable(variable);
                if (string.IsNullOrWhiteSpace(value))
                {
                    throw new BuildException(BuildErrorCode.MissingKey, $"The environment variable {variable} named by --{environmentArgument} is not set or empty.",
                        $"Set {variable} to the base64 line of a {what} file, or pass the file with --{fileArgument}=<file>.");
                }

                seeds.Add(KeyFile.Decode(value, $"the environment variable {variable}"));
            }

            return seeds.Select(Ed25519KeyPair.FromSeed).ToList();
        }
        finally
        {
            foreach (var seed in seeds) System.Security.Cryptography.CryptographicOperations.ZeroMemory(seed);
        }
    }
}
