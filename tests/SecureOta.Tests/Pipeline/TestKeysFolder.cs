using SecureOta.Build.Crypto;
using SecureOta.Build.Keys;
using SecureOta.Build.Publishing;

namespace SecureOta.Tests.Pipeline;

/// <summary>
/// A keys/ folder for builds with real (non-DEMO) keys, made in a temp folder with fresh random keys:
/// root/1.json signed by a root key, whose release role lists <paramref name="releaseKeyCount"/> keys
/// of which <paramref name="releaseThreshold"/> must sign; the tests' own pinned CAs (<see cref="SecureOta.Tests.Support.TestAnchors"/>); and one
/// registered recipient. The release key seeds, one approval key (threshold 1) and a content-key secret
/// are written as key files next to the folder.
/// </summary>
internal sealed class TestKeysFolder
{
    public const string Product = "test-keys";

    private TestKeysFolder(string keysDir, IReadOnlyList<string> releaseKeyFiles, IReadOnlyList<byte[]> releaseSeeds, string approvalKeyFile,
        string contentSecretFile)
    {
        KeysDir = keysDir;
        ReleaseKeyFiles = releaseKeyFiles;
        ReleaseSeeds = releaseSeeds;
        ApprovalKeyFile = approvalKeyFile;
        ContentSecretFile = contentSecretFile;
    }

    public string KeysDir { get; }

    /// <summary>The releases folder the build reads (the tests' own sample releases unless given), every release approved by <see cref="ApprovalKeyFile"/>.</summary>
    public string ReleasesDir { get; private set; } = "";

    /// <summary>Approves every release in <see cref="ReleasesDir"/> again, after a test added one.</summary>
    public void ApproveReleases() => TestApprovals.ApproveAll(ReleasesDir, KeysDir, ApprovalKeyFile);

    /// <summary>The approval role's one key file (--approval-key for the Approve target).</summary>
    public string ApprovalKeyFile { get; }

    /// <summary>The content-key secret's file (--content-secret).</summary>
    public string ContentSecretFile { get; }

    /// <summary>The arguments of a real-keys build: the keys folder, the first release key and the content-key secret.</summary>
    public string[] BuildArguments => [.. KeyArguments, $"--release-key={ReleaseKeyFiles[0]}"];

    /// <summary>The same without a release key (given some other way).</summary>
    public string[] KeyArguments => [$"--keys-dir={KeysDir}", $"--releases-dir={ReleasesDir}", $"--content-secret={ContentSecretFile}"];

    public IReadOnlyList<string> ReleaseKeyFiles { get; }

    public IReadOnlyList<byte[]> ReleaseSeeds { get; }

    public static TestKeysFolder Create(string folder, DateTimeOffset now, int releaseKeyCount = 1, int releaseThreshold = 1, string? releasesDir = null)
    {
        var keysDir = Path.Combine(folder, "keys");
        SecureOta.Tests.Support.TestAnchors.CopyInto(keysDir);
        using var recipient = X25519KeyPair.Generate();
        File.WriteAllText(Path.Combine(keysDir, RecipientRegistry.FileName),
            $$"""{"recipients": [{"name": "test-fleet", "kind": "fleet", "publicKey": "{{Convert.ToHexStringLower(recipient.PublicKey)}}"}]}""");

        using var root = Ed25519KeyPair.Generate();
        var approvalSeed = System.Security.Cryptography.RandomNumberGenerator.GetBytes(KeyFile.KeySize);
        using var approval = Ed25519KeyPair.FromSeed(approvalSeed);
        var releaseSeeds = Enumerable.Range(0, releaseKeyCount).Select(_ => System.Security.Cryptography.RandomNumberGenerator.GetBytes(KeyFile.KeySize)).ToList();
        var releaseKeys = releaseSeeds.Select(Ed25519KeyPair.FromSeed).ToList();
        var metadata = new RootMetadata(1, (now + TimeSpan.FromDays(365)).ToUnixTimeSeconds(), Product,
            [root.PublicKey, approval.PublicKey, .. releaseKeys.Select(k => k.PublicKey)],
            new RoleDefinition(1, [KeyId.Of(root.PublicKey)]),
            new RoleDefinition(1, [KeyId.Of(approval.PublicKey)]),
            new RoleDefinition(releaseThreshold, releaseKeys.Select(k => KeyId.Of(k.PublicKey)).ToList()),
            TlsAnchorSet.Load(Path.Combine(keysDir, TlsAnchorSet.FolderName), p => p));
        Directory.CreateDirectory(Path.Combine(keysDir, "root"));
        File.WriteAllBytes(Path.Combine(keysDir, "root", "1.json"), EnvelopeSigner.Sign(PayloadTypes.Root, RootMetadataWriter.Write(metadata), root));
        releaseKeys.ForEach(k => k.Dispose());

        var files = releaseSeeds.Select((seed, i) =>
        {
            var path = Path.Combine(folder, $"release-{i + 1}.key");
            KeyFile.Write(path, seed, ["test release key"]);
            return path;
        }).ToList();
        var approvalFile = Path.Combine(folder, "approval.key");
        KeyFile.Write(approvalFile, approvalSeed, ["test approval key"]);
        var secretFile = Path.Combine(folder, "content-secret.key");
        KeyFile.Write(secretFile, System.Security.Cryptography.RandomNumberGenerator.GetBytes(KeyFile.KeySize), ["test content-key secret"]);
        var keys = new TestKeysFolder(keysDir, files, releaseSeeds, approvalFile, secretFile) { ReleasesDir = releasesDir ?? Path.Combine(folder, "releases") };
        if (releasesDir is null) SecureOta.Tests.Support.TestReleases.Write(keys.ReleasesDir);
        keys.ApproveReleases();
        return keys;
    }
}
