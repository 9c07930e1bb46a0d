using SecureOta.Build.Crypto;
using SecureOta.Build.Frosting;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Build.Keys;

/// <summary>
/// Finds the release signing keys: <c>--release-key=&lt;file&gt;</c> (repeatable), else the
/// SECUREOTA_RELEASE_KEY environment variable (one or more base64 seeds separated by white space or
/// commas). Checks that they are in the newest root's release role and meet its threshold. Keys are
/// never printed; only their key ids are.
/// </summary>
public static class ReleaseKeySource
{
    public const string EnvironmentVariable = "SECUREOTA_RELEASE_KEY";
    public const string FileArgument = "release-key";

    /// <summary>True when a release key was given on the command line or in the environment.</summary>
    public static bool IsGiven(IReadOnlyList<string> files, string? environmentValue) =>
        files.Count > 0 || !string.IsNullOrWhiteSpace(environmentValue);

    /// <summary>The seeds given, in order (files first when both are given, the environment is then ignored).</summary>
    public static IReadOnlyList<byte[]> ReadSeeds(IReadOnlyList<string> files, string? environmentValue)
    {
        if (files.Count > 0) return files.Select(f => KeyFile.Read(f, "release key")).ToList();
        if (string.IsNullOrWhiteSpace(environmentValue))
        {
            throw new BuildException(BuildErrorCode.MissingKey, "No release signing key was given.",
                $"Set {EnvironmentVariable} to the base64 seed of a release key, or pass --{FileArgument}=<file>; " +
                "run ./build.sh without --target=Release for a DEMO build.");
        }

        var parts = environmentValue.Split([' ', '\t', '\r', '\n', ','], StringSplitOptions.RemoveEmptyEntries);
        return parts.Select((p, i) => KeyFile.Decode(p, parts.Length == 1 ? EnvironmentVariable : $"{EnvironmentVariable} (value {i + 1})")).ToList();
    }

    /// <summary>
    /// Key pairs for the seeds, after checking each is in <paramref name="root"/>'s release role and
    /// that together they meet its threshold.
    /// </summary>
    public static IReadOnlyList<Ed25519KeyPair> Authorize(IReadOnlyList<byte[]> seeds, TrustedRoot root)
    {
        var signers = seeds.Select(Ed25519KeyPair.FromSeed).ToList();
        var role = root.ReleaseRole;
        var roleIds = Enumerable.Range(0, role.KeyCount).Select(role.GetKeyId).ToHashSet(StringComparer.Ordinal);
        var problems = new List<BuildProblem>();
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var signer in signers)
        {
            var id = Publishing.KeyId.Of(signer.PublicKey);
            if (!roleIds.Contains(id)) problems.Add(new BuildProblem("release key", $"key id {id} is not in root version {root.Version}'s release role (revoked, or never added)"));
            else if (!distinct.Add(id)) problems.Add(new BuildProblem("release key", $"key id {id} is given twice; it counts once"));
        }
        if (problems.Count == 0 && distinct.Count < role.Threshold)
        {
            problems.Add(new BuildProblem("release key", $"{distinct.Count} key(s) given; root version {root.Version}'s release role needs {role.Threshold}"));
        }
        if (problems.Count > 0)
        {
            foreach (var signer in signers) signer.Dispose();
            throw new BuildException(BuildErrorCode.ThresholdNotMet, "The release keys given cannot sign channel manifests.",
                "Give release keys listed in the newest root (keys/root/); a new or revoked key needs a new root version from SignRoot.", problems);
        }
        return signers;
    }
}
