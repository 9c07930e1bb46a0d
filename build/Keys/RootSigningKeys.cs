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
    public static List<Ed25519KeyPair> Read(BuildContext context, string needed)
    {
        var files = context.GetArguments(FileArgument);
        var variables = context.GetArguments(EnvironmentArgument);
        if (files.Count == 0 && variables.Count == 0)
        {
            throw new BuildException(BuildErrorCode.MissingKey, "No root key was given to sign with.",
                $"Pass --{FileArgument}=<file> or --{EnvironmentArgument}=<VARIABLE> for each root key that signs; {needed}.");
        }

        var seeds = new List<byte[]>();
        try
        {
            foreach (var file in files)
            {
                seeds.Add(KeyFile.Read(Path.GetFullPath(file, context.Environment.WorkingDirectory), "root key"));
            }

            foreach (var variable in variables)
            {
                var value = context.Environment.GetEnvironmentVariable(variable);
                if (string.IsNullOrWhiteSpace(value))
                {
                    throw new BuildException(BuildErrorCode.MissingKey, $"The environment variable {variable} named by --{EnvironmentArgument} is not set or empty.",
                        $"Set {variable} to the base64 line of a root key file, or pass the file with --{FileArgument}=<file>.");
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
