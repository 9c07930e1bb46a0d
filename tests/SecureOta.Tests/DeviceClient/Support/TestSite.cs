using System.Security.Cryptography;
using SecureOta.Build.Crypto;
using SecureOta.Build.Publishing;
using SecureOta.Device.Core.Keys;
using SecureOta.Tests.Device.Support;
using BuildManifest = SecureOta.Build.Publishing.ChannelManifest;
using BuildRollout = SecureOta.Build.Publishing.RolloutPolicy;

namespace SecureOta.Tests.DeviceClient.Support;

/// <summary>
/// A SecureOta site built in memory with the release pipeline's own writers (build/Publishing): root
/// metadata, channel manifests, hash-chained encrypted blobs and wrapped keys, laid out as PROTOCOL.md
/// section 1 says. Keys are fresh per test and never leave it. The device it serves is <see cref="Device"/>.
/// </summary>
public sealed class TestSite : IDisposable
{
    /// <summary>The tests' wall clock: every manifest is issued shortly before it.</summary>
    public const long Now = 1_800_000_000;

    public const string Channel = "stable";

    /// <summary>The product id of every test site's root.</summary>
    public const string Product = "test-product";
    public const string ChannelPath = "channels/stable.json";

    private static readonly string TlsAnchor = TestDocuments.RootCaPem();
    private readonly List<IDisposable> _owned = [];
    private readonly byte[] _seed = RandomNumberGenerator.GetBytes(32);

    /// <param name="collector">The report collector root v1 names (and every rotated root), or null for none.</param>
    public TestSite(int releaseKeys = 1, int releaseThreshold = 1, RootCollector? collector = null)
    {
        Collector = collector;
        RootKeys = [NewSigner()];
        ApprovalKeys = [NewSigner()];
        ReleaseKeys = Enumerable.Range(0, releaseKeys).Select(_ => NewSigner()).ToArray();
        ReleaseThreshold = releaseThreshold;
        RootV1 = SignRoot(1, RootKeys, ApprovalKeys, ReleaseKeys, releaseThreshold, RootKeys, collector: collector);
        Files["root.json"] = RootV1;
        Files["roots/1.json"] = RootV1;
        Device = new RecipientKey(RandomNumberGenerator.GetBytes(32));
    }

    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>The report collector the next rotated root names (null: none).</summary>
    public RootCollector? Collector { get; set; }

    public Ed25519KeyPair[] RootKeys { get; private set; }

    public Ed25519KeyPair[] ReleaseKeys { get; private set; }

    /// <summary>The maintainers' offline approval keys (threshold 1); a release is published approved by them unless a test says otherwise.</summary>
    public Ed25519KeyPair[] ApprovalKeys { get; private set; }

    public int ReleaseThreshold { get; private set; }

    public long RootVersion { get; private set; } = 1;

    public byte[] RootV1 { get; }

    /// <summary>The device's own recipient key (its id also places it in rollouts).</summary>
    public RecipientKey Device { get; }

    public Ed25519KeyPair NewSigner()
    {
        var key = Ed25519KeyPair.Generate();
        _owned.Add(key);
        return key;
    }

    /// <summary>A root envelope of this version with these roles, signed by <paramref name="signers"/>.</summary>
    public static byte[] SignRoot(long version, Ed25519KeyPair[] rootKeys, Ed25519KeyPair[] approvalKeys, Ed25519KeyPair[] releaseKeys, int releaseThreshold,
        Ed25519KeyPair[] signers, long expires = Now + 365 * 86400, string product = Product, RootCollector? collector = null)
    {
        byte[][] publicKeys = rootKeys.Concat(approvalKeys).Concat(releaseKeys).Select(k => k.PublicKey).ToArray();
        var root = new RootMetadata(version, expires, product, publicKeys,
            new RoleDefinition(rootKeys.Length, rootKeys.Select(k => KeyId.Of(k.PublicKey)).ToArray()),
            new RoleDefinition(1, approvalKeys.Select(k => KeyId.Of(k.PublicKey)).ToArray()),
            new RoleDefinition(releaseThreshold, releaseKeys.Select(k => KeyId.Of(k.PublicKey)).ToArray()),
            [TlsAnchor], collector);
        return EnvelopeSigner.Sign(PayloadTypes.Root, RootMetadataWriter.Write(root), signers);
    }

    /// <summary>
    /// Publishes roots/&lt;N+1&gt;.json with new root and release keys, signed by the old and the new root
    /// keys unless <paramref name="signers"/> says otherwise; later manifests use the new release keys
    /// (the same ones when <paramref name="keepReleaseKeys"/>). The approval keys stay unless <paramref name="replaceApprovalKeys"/>.
    /// </summary>
    public byte[] RotateRoot(Ed25519KeyPair[]? signers = null, bool keepReleaseKeys = false, long expires = Now + 365 * 86400,
        bool replaceApprovalKeys = false)
    {
        if (replaceApprovalKeys) ApprovalKeys = [NewSigner()];
        Ed25519KeyPair[] newRoot = [NewSigner()];
        Ed25519KeyPair[] newRelease = keepReleaseKeys ? ReleaseKeys : [NewSigner()];
        long version = RootVersion + 1;
        byte[] envelope = SignRoot(version, newRoot, ApprovalKeys, newRelease, keepReleaseKeys ? ReleaseThreshold : 1,
            signers ?? [.. RootKeys, .. newRoot], expires, collector: Collector);
        Files["roots/" + version + ".json"] = envelope;
        Files["root.json"] = envelope;
        RootKeys = newRoot;
        ReleaseKeys = newRelease;
        ReleaseThreshold = keepReleaseKeys ? ReleaseThreshold : 1;
        RootVersion = version;
        return envelope;
    }

    /// <summary>
    /// Publishes a release on the channel: its blob, the delta patches given (each encrypted under the
    /// release's content key, listed after the full image), a wrapped key per recipient (the device unless
    /// given), and the signed manifest (sequence = issued unless given).
    /// </summary>
    public PublishedRelease Publish(byte[] image, string version, long securityVersion, long issued = Now - 60, long? expires = null,
        int rolloutPercent = 100, Ed25519KeyPair[]? signers = null, byte[][]? recipients = null, long? sequence = null,
        IReadOnlyList<TestDelta>? deltas = null, Ed25519KeyPair[]? approvers = null, byte[]? approval = null, string product = Product,
        IReadOnlyList<ArtifactEntry>? extraArtifacts = null)
    {
        byte[] contentKey = ContentKeyDerivation.ContentKey(_seed, version);
        var writer = new ChainedArtifactWriter();
        EncryptedArtifact artifact = writer.Write(image, contentKey, ContentKeyDerivation.ArtifactIv(contentKey, image));
        ImageDigests digests = writer.ComputeImageDigests(image);
        Files[artifact.Path] = artifact.Bytes;
        var entries = new List<ArtifactEntry> { ArtifactEntry.From(artifact) };
        var patches = new List<EncryptedArtifact>();
        foreach (TestDelta delta in deltas ?? [])
        {
            EncryptedArtifact patch = writer.Write(delta.Patch, contentKey, ContentKeyDerivation.ArtifactIv(contentKey, delta.Patch));
            Files[patch.Path] = patch.Bytes;
            patches.Add(patch);
            entries.Add(ArtifactEntry.Delta(patch, delta.BaseDigest ?? writer.ComputeImageDigests(delta.BaseImage!).ImageDigest, delta.BaseVersion));
        }
        foreach (byte[] recipient in recipients ?? [Device.GetPublicKey()])
        {
            WrappedKey wrapped = WrappedKeyWriter.Write(contentKey, recipient,
                ContentKeyDerivation.EphemeralPrivateKey(_seed, version, recipient));
            Files[wrapped.SitePath(version)] = wrapped.Bytes;
        }
        entries.AddRange(extraArtifacts ?? []);
        approval ??= Approve(version, securityVersion, digests, approvers ?? ApprovalKeys, product);
        var manifest = new BuildManifest(product, Channel, sequence ?? issued, issued, expires ?? issued + 7 * 86400,
            new ReleaseEntry(version, securityVersion, image.Length, digests.ImageDigest, digests.ImageSha256,
                WrappedKeyWriter.KeyCheck(contentKey), entries, approval),
            new BuildRollout(rolloutPercent, ContentKeyDerivation.RolloutSalt(product, Channel, version)));
        byte[] envelope = EnvelopeSigner.Sign(PayloadTypes.Channel, ChannelManifestWriter.Write(manifest),
            signers ?? ReleaseKeys.Take(ReleaseThreshold).ToArray());
        Files[ChannelPath] = envelope;
        return new PublishedRelease(version, image, artifact, envelope, sequence ?? issued) { Deltas = patches };
    }

    /// <summary>The approval envelope of a release identity, signed by <paramref name="approvers"/> (section 6a).</summary>
    public static byte[] Approve(string version, long securityVersion, ImageDigests digests, Ed25519KeyPair[] approvers, string product = Product) =>
        EnvelopeSigner.Sign(PayloadTypes.Approval, ReleaseApprovalWriter.Write(product, version, securityVersion, digests), approvers);

    /// <summary>Random image bytes (deterministic per seed).</summary>
    public static byte[] Image(int size, int seed)
    {
        byte[] image = new byte[size];
        new Random(seed).NextBytes(image);
        return image;
    }

    public void Dispose()
    {
        foreach (IDisposable owned in _owned) owned.Dispose();
    }
}
