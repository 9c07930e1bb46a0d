using SecureOta.Build.Crypto;
using SecureOta.Build.Keys;
using SecureOta.Build.Publishing;

namespace SecureOta.Tests.Fleet.Support;

/// <summary>
/// A keys/ folder whose root version 1 pins exactly the CA certificates given (a TEST CA, for the local
/// HTTPS server), with a fresh root key, one release key (written as a key file next to the folder) and
/// one registered fleet recipient, so real (non-DEMO) builds can sign a site devices with these pins accept.
/// </summary>
internal static class PinnedKeysFolder
{
    /// <returns>The keys folder and the arguments of a real-keys build with it (release key, content-key secret).</returns>
    public static (string KeysDir, string[] KeyArguments) Create(string folder, string releasesDir, DateTimeOffset now, params string[] pinnedPems)
    {
        var keysDir = Path.Combine(folder, "keys");
        var anchorsDir = Directory.CreateDirectory(Path.Combine(keysDir, TlsAnchorSet.FolderName)).FullName;
        for (int i = 0; i < pinnedPems.Length; i++) File.WriteAllText(Path.Combine(anchorsDir, $"test-{i}.pem"), pinnedPems[i]);
        using var recipient = X25519KeyPair.Generate();
        File.WriteAllText(Path.Combine(keysDir, RecipientRegistry.FileName),
            $$"""{"recipients": [{"name": "test-fleet", "kind": "fleet", "publicKey": "{{Convert.ToHexStringLower(recipient.PublicKey)}}"}]}""");

        using var root = Ed25519KeyPair.Generate();
        var seed = System.Security.Cryptography.RandomNumberGenerator.GetBytes(KeyFile.KeySize);
        using var release = Ed25519KeyPair.FromSeed(seed);
        var approvalSeed = System.Security.Cryptography.RandomNumberGenerator.GetBytes(KeyFile.KeySize);
        using var approval = Ed25519KeyPair.FromSeed(approvalSeed);
        var metadata = new RootMetadata(1, now.AddDays(365).ToUnixTimeSeconds(), "pinned-test", [root.PublicKey, approval.PublicKey, release.PublicKey],
            new RoleDefinition(1, [KeyId.Of(root.PublicKey)]), new RoleDefinition(1, [KeyId.Of(approval.PublicKey)]),
            new RoleDefinition(1, [KeyId.Of(release.PublicKey)]), pinnedPems);
        Directory.CreateDirectory(Path.Combine(keysDir, "root"));
        File.WriteAllBytes(Path.Combine(keysDir, "root", "1.json"), EnvelopeSigner.Sign(PayloadTypes.Root, RootMetadataWriter.Write(metadata), root));
        var releaseFile = Path.Combine(folder, "release.key");
        KeyFile.Write(releaseFile, seed, ["test release key"]);
        var approvalFile = Path.Combine(folder, "approval.key");
        KeyFile.Write(approvalFile, approvalSeed, ["test approval key"]);
        Pipeline.TestApprovals.ApproveAll(releasesDir, keysDir, approvalFile);
        var secretFile = Path.Combine(folder, "content-secret.key");
        KeyFile.Write(secretFile, System.Security.Cryptography.RandomNumberGenerator.GetBytes(KeyFile.KeySize), ["test content-key secret"]);
        return (keysDir, [$"--release-key={releaseFile}", $"--content-secret={secretFile}"]);
    }
}
