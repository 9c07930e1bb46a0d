using System.Security.Cryptography;
using SecureOta.Build.Crypto;
using SecureOta.Build.Publishing;
using SecureOta.Build.Verification;
using SecureOta.Device.Core.Keys;
using SecureOta.Tests.Build.Support;
using SecureOta.Tests.Device.Support;
using BuildManifest = SecureOta.Build.Publishing.ChannelManifest;
using BuildRollout = SecureOta.Build.Publishing.RolloutPolicy;

namespace SecureOta.Tests.SiteVerification;

/// <summary>
/// A small site in the documented layout (PROTOCOL.md section 1), written once per test class with the
/// build's own writers: a two-version root history (v2 rotates the root key and the release key), two
/// channels (stable: 1.0.0, three records; beta: 1.1.0, two records), an older release 0.9.0 no manifest
/// names, wrapped keys for a device whose private key the tests hold and for a group whose key they do
/// not, plus index.html and .nojekyll. Tests verify copies (<see cref="Copy"/>), never the base site.
/// </summary>
public sealed class SiteFixture : IDisposable
{
    public const long Issued = 1_800_000_000;
    public const long ManifestLifetime = 7 * 86400;
    public const long RootLifetime = 365 * 86400;
    public const string Stable = "stable";
    public const string Beta = "beta";
    public const string StableVersion = "1.0.0";
    public const string BetaVersion = "1.1.0";
    public const string OlderVersion = "0.9.0";
    public const string Product = "site-fixture";

    /// <summary>Three records: 4096 + 4096 + 1000 plain bytes.</summary>
    public const int StableImageSize = 2 * 4096 + 1000;

    private readonly TempDirectory _temp = new();
    private readonly Dictionary<string, byte[]> _payloads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _contentKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _blobs = new(StringComparer.Ordinal);

    public SiteFixture()
    {
        SiteDir = _temp.Combine("base", "site");
        using var rootKey1 = Ed25519KeyPair.Generate();
        using var rootKey2 = Ed25519KeyPair.Generate();
        RevokedReleaseKey = Ed25519KeyPair.Generate();
        ReleaseKey = Ed25519KeyPair.Generate();
        Device = new RecipientKey(RandomNumberGenerator.GetBytes(32));
        using (var group = X25519KeyPair.Generate()) GroupPublicKey = group.PublicKey;
        byte[] seed = RandomNumberGenerator.GetBytes(32);

        string[] anchors = [TestDocuments.RootCaPem()];
        ProvisionedRoot = EnvelopeSigner.Sign(PayloadTypes.Root, RootMetadataWriter.Write(new RootMetadata(1, Issued + RootLifetime, Product,
            [rootKey1.PublicKey, ApprovalKey.PublicKey, RevokedReleaseKey.PublicKey], Role(rootKey1), Role(ApprovalKey), Role(RevokedReleaseKey), anchors)), rootKey1);
        byte[] root2 = EnvelopeSigner.Sign(PayloadTypes.Root, RootMetadataWriter.Write(new RootMetadata(2, Issued + RootLifetime, Product,
            [rootKey2.PublicKey, ApprovalKey.PublicKey, ReleaseKey.PublicKey], Role(rootKey2), Role(ApprovalKey), Role(ReleaseKey), anchors)), rootKey1, rootKey2);
        Write("root.json", root2);
        Write("roots/1.json", ProvisionedRoot);
        Write("roots/2.json", root2);

        WriteRelease(seed, OlderVersion, 1, 3000, channel: null);
        WriteRelease(seed, StableVersion, 1, StableImageSize, Stable);
        WriteRelease(seed, BetaVersion, 2, 5000, Beta);
        File.WriteAllText(Path.Combine(SiteDir, "index.html"), "<!doctype html><title>releases</title>");
        File.WriteAllBytes(Path.Combine(SiteDir, ".nojekyll"), []);
        CryptographicOperations.ZeroMemory(seed);
    }

    public string SiteDir { get; }

    public byte[] ProvisionedRoot { get; }

    /// <summary>The release key of root version 2, which signs the manifests.</summary>
    public Ed25519KeyPair ReleaseKey { get; }

    /// <summary>The approval key of both root versions, which approves every release.</summary>
    public Ed25519KeyPair ApprovalKey { get; } = Ed25519KeyPair.Generate();

    /// <summary>The release key of root version 1, left out of root version 2's release role.</summary>
    public Ed25519KeyPair RevokedReleaseKey { get; }

    /// <summary>The device whose private key the verifier is given.</summary>
    public RecipientKey Device { get; }

    /// <summary>A registered group whose private key the verifier does not have.</summary>
    public byte[] GroupPublicKey { get; }

    public string GroupId => KeyId.Of(GroupPublicKey);

    public static DateTimeOffset Now => DateTimeOffset.FromUnixTimeSeconds(Issued + 60);

    /// <summary>The content keys the build derived, by version.</summary>
    public IReadOnlyDictionary<string, byte[]> ContentKeys => _contentKeys;

    /// <summary>The blob of a release, as a protocol path (<c>blobs/&lt;sha256&gt;</c>).</summary>
    public string BlobOf(string version) => _blobs[version];

    /// <summary>The signed payload of a channel's manifest, to re-sign in tests.</summary>
    public byte[] ChannelPayload(string channel) => _payloads[channel];

    /// <summary>What a DEMO build verifies with: the device key, the registered recipients, both channels.</summary>
    public SiteVerifierInputs Inputs(string siteDir) => new()
    {
        SiteDir = siteDir,
        ProvisionedRoot = ProvisionedRoot,
        Now = Now,
        RecipientKeys = [new SiteRecipient("test device key", Device)],
        RegisteredRecipientIds = [Device.Id, GroupId],
        ExpectedChannels = [Stable, Beta],
    };

    /// <summary>A copy of the base site in a folder of its own, for one test to tamper with.</summary>
    public SiteCopy Copy()
    {
        var target = _temp.Combine("copy-" + Guid.NewGuid().ToString("N")[..12], "site");
        CopyFolder(SiteDir, target);
        return new SiteCopy(this, target);
    }

    public void Dispose()
    {
        ReleaseKey.Dispose();
        RevokedReleaseKey.Dispose();
        ApprovalKey.Dispose();
        _temp.Dispose();
    }

    private void WriteRelease(byte[] seed, string version, long securityVersion, int imageSize, string? channel)
    {
        byte[] image = RandomNumberGenerator.GetBytes(imageSize);
        byte[] contentKey = ContentKeyDerivation.ContentKey(seed, version);
        _contentKeys[version] = contentKey;
        var writer = new ChainedArtifactWriter();
        EncryptedArtifact artifact = writer.Write(image, contentKey, ContentKeyDerivation.ArtifactIv(contentKey, image));
        Write(artifact.Path, artifact.Bytes);
        _blobs[version] = artifact.Path;
        foreach (byte[] recipient in new[] { Device.GetPublicKey(), GroupPublicKey })
        {
            WrappedKey wrapped = WrappedKeyWriter.Write(contentKey, recipient, ContentKeyDerivation.EphemeralPrivateKey(seed, version, recipient));
            Write(wrapped.SitePath(version), wrapped.Bytes);
        }
        if (channel is null) return;

        ImageDigests digests = writer.ComputeImageDigests(image);
        byte[] approval = EnvelopeSigner.Sign(PayloadTypes.Approval, ReleaseApprovalWriter.Write(Product, version, securityVersion, digests), ApprovalKey);
        var manifest = new BuildManifest(Product, channel, Issued, Issued, Issued + ManifestLifetime,
            new ReleaseEntry(version, securityVersion, image.Length, digests.ImageDigest, digests.ImageSha256,
                WrappedKeyWriter.KeyCheck(contentKey), [ArtifactEntry.From(artifact)], approval),
            new BuildRollout(100, ContentKeyDerivation.RolloutSalt(Product, channel, version)));
        byte[] payload = ChannelManifestWriter.Write(manifest);
        _payloads[channel] = payload;
        Write(OtaPaths.ChannelFile(channel), EnvelopeSigner.Sign(PayloadTypes.Channel, payload, ReleaseKey));
    }

    private void Write(string otaPath, byte[] bytes)
    {
        var path = Path.Combine(SiteDir, OtaPaths.OtaBase, otaPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    private static RoleDefinition Role(Ed25519KeyPair key) => new(1, [KeyId.Of(key.PublicKey)]);

    private static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
