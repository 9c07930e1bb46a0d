using SecureOta.Build.Crypto;
using SecureOta.Build.Keys;
using SecureOta.Build.Publishing;

namespace SecureOta.Tests.Pipeline;

/// <summary>
/// A keys/ folder for builds with real (non-DEMO) keys, made in a temp folder with fresh random keys:
/// root/1.json signed by a root key, whose release role lists <paramref name="releaseKeyCount"/> keys
/// of which <paramref name="releaseThreshold"/> must sign; the repository's tls-anchors; and one
/// registered recipient. The release key seeds are written as key files next to the folder.
/// </summary>
internal sealed class TestKeysFolder
{
    private TestKeysFolder(string keysDir, IReadOnlyList<string> releaseKeyFiles, IReadOnlyList<byte[]> releaseSeeds)
    {
        KeysDir = keysDir;
        ReleaseKeyFiles = releaseKeyFiles;
        ReleaseSeeds = releaseSeeds;
    }

    public string KeysDir { get; }

    public IReadOnlyList<string> ReleaseKeyFiles { get; }

    public IReadOnlyList<byte[]> ReleaseSeeds { get; }

    public static TestKeysFolder Create(string folder, DateTimeOffset now, int releaseKeyCount = 1, int releaseThreshold = 1)
    {
        var keysDir = Path.Combine(folder, "keys");
        SiteSnapshot.Copy(Path.Combine(RepositoryRoot.FullPath, "keys", TlsAnchorSet.FolderName), Path.Combine(keysDir, TlsAnchorSet.FolderName));
        using var recipient = X25519KeyPair.Generate();
        File.WriteAllText(Path.Combine(keysDir, RecipientRegistry.FileName),
            $$"""{"recipients": [{"name": "test-fleet", "kind": "fleet", "publicKey": "{{Convert.ToHexStringLower(recipient.PublicKey)}}"}]}""");

        using var root = Ed25519KeyPair.Generate();
        var releaseSeeds = Enumerable.Range(0, releaseKeyCount).Select(_ => System.Security.Cryptography.RandomNumberGenerator.GetBytes(KeyFile.KeySize)).ToList();
        var releaseKeys = releaseSeeds.Select(Ed25519KeyPair.FromSeed).ToList();
        var metadata = new RootMetadata(1, (now + TimeSpan.FromDays(365)).ToUnixTimeSeconds(),
            [root.PublicKey, .. releaseKeys.Select(k => k.PublicKey)],
            new RoleDefinition(1, [KeyId.Of(root.PublicKey)]),
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
        return new TestKeysFolder(keysDir, files, releaseSeeds);
    }
}
