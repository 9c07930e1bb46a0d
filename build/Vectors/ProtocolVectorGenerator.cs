using System.Security.Cryptography;
using System.Text;
using SecureOta.Build.Crypto;
using SecureOta.Build.Delta;
using SecureOta.Build.Publishing;
using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Envelopes;
using SecureOta.Device.Host;

namespace SecureOta.Build.Vectors;

/// <summary>
/// Computes the protocol's test vectors from fixed, public test inputs with the build's own writers,
/// so docs/PROTOCOL.md section 12, the build and the device core can be checked against each other.
/// The seeds below are test constants published in the spec, like RFC 8032's; they sign nothing real.
/// </summary>
public static class ProtocolVectorGenerator
{
    /// <summary>Release (CI) signing seed of the vectors: bytes 00..1f.</summary>
    public static byte[] ReleaseSeed => Sequence(0x00);

    /// <summary>Content-key secret S of the vectors (section 10): bytes 60..7f.</summary>
    public static byte[] ContentSecret => Sequence(0x60);

    /// <summary>Approval signing seed of the vectors: bytes 80..9f.</summary>
    public static byte[] ApprovalSeed => Sequence(0x80);

    /// <summary>The product id of the vectors.</summary>
    public const string Product = "secureota-vectors";

    /// <summary>Root signing seed of the vectors: bytes 20..3f.</summary>
    public static byte[] RootSeed => Sequence(0x20);

    /// <summary>Recipient X25519 private key of the vectors: bytes 40..5f.</summary>
    public static byte[] RecipientPrivateKey => Sequence(0x40);

    public const string Version = "1.0.0";
    public const string Channel = "stable";
    public const long Issued = 1767225600;          // 2026-01-01T00:00:00Z
    public const long ManifestExpires = Issued + 14 * 86400;
    public const long RootExpires = Issued + 365 * 86400;
    public const int PlainSize = 5000;

    /// <summary>The plain image of the vectors: byte i is i mod 251 (5000 bytes, two chunks).</summary>
    public static byte[] Plain()
    {
        var plain = new byte[PlainSize];
        for (int i = 0; i < plain.Length; i++) plain[i] = (byte)(i % 251);
        return plain;
    }

    /// <summary>The version of the delta patch's base in the manifest vector.</summary>
    public const string DeltaBaseVersion = "0.9.0";

    /// <summary>
    /// The base image of the manifest vector's delta patch: 4500 bytes, byte i = i mod 251 for i &lt; 4000,
    /// then 500 bytes 0xaa; the patch turns it into <see cref="Plain"/>.
    /// </summary>
    public static byte[] DeltaBase()
    {
        var image = new byte[4500];
        for (int i = 0; i < image.Length; i++) image[i] = i < 4000 ? (byte)(i % 251) : (byte)0xaa;
        return image;
    }

    /// <summary>The TLS anchor pinned by the vectors' root: build/Vectors/ISRG_Root_X1.pem, a copy of ISRG Root X1.</summary>
    // A fixed copy owned by the build: the vectors must not change when a maintainer changes keys/tls-anchors/.
    public const string AnchorFile = "build/Vectors/ISRG_Root_X1.pem";

    public static IReadOnlyList<ProtocolVector> Generate(string repositoryRoot)
    {
        var hmac = new DotNetHmacSha256();
        var plain = Plain();
        var contentKey = ContentKeyDerivation.ContentKey(ContentSecret, Version);
        var iv = ContentKeyDerivation.ArtifactIv(contentKey, plain);
        var artifact = new ChainedArtifactWriter().Write(plain, contentKey, iv);
        var digests = new ChainedArtifactWriter().ComputeImageDigests(plain);
        using var release = Ed25519KeyPair.FromSeed(ReleaseSeed);
        using var root = Ed25519KeyPair.FromSeed(RootSeed);
        using var approval = Ed25519KeyPair.FromSeed(ApprovalSeed);
        using var recipient = X25519KeyPair.FromPrivateKey(RecipientPrivateKey);
        var ephemeralPrivate = ContentKeyDerivation.EphemeralPrivateKey(ContentSecret, Version, recipient.PublicKey);
        var anchor = File.ReadAllText(Path.Combine(repositoryRoot, AnchorFile));

        return
        [
            Pae(),
            KeyIdVector(release),
            Digest(hmac, digests),
            Derivations(contentKey, iv, recipient.PublicKey, ephemeralPrivate),
            Artifact(contentKey, iv, artifact),
            WrappedKeyVector(contentKey, recipient, ephemeralPrivate),
            RootEnvelope(root, approval, release, anchor),
            ApprovalEnvelope(approval, digests),
            ChannelEnvelope(release, ApprovalEnvelopeBytes(approval, digests), contentKey, digests, artifact),
            .. NegativeVectors.Generate(root, approval, release, anchor),
            .. ReportVectors.Generate(),
        ];
    }

    private static ProtocolVector Pae()
    {
        const string type = "application/vnd.secureota.channel+json";
        var payload = Encoding.UTF8.GetBytes("{\"a\":1}");
        return new("pae", "PAE (section 4)", Lines(
            ("payloadType (text)", type),
            ("payload (text)", "{\"a\":1}"),
            ("pae", Hex(Device.Core.Envelopes.Pae.Encode(type, payload)))));
    }

    private static ProtocolVector KeyIdVector(Ed25519KeyPair release) => new("key-id", "Ed25519 key id (section 2.2)", Lines(
        ("seed (test only)", Hex(ReleaseSeed)),
        ("public", Hex(release.PublicKey)),
        ("keyid", KeyId.Of(release.PublicKey))));

    private static ProtocolVector Digest(DotNetHmacSha256 hmac, ImageDigests digests)
    {
        var record = new byte[32];
        hmac.Compute(DigestKeys.Record, Encoding.UTF8.GetBytes("abc"), 0, 3, record, 0);
        return new("digest", "Digest function D (section 2.1)", Lines(
            ("image (rule)", "5000 bytes, byte i = i mod 251"),
            ("imageDigest", Hex(digests.ImageDigest)),
            ("imageSha256", Hex(digests.ImageSha256)),
            ("record (text)", "abc"),
            ("recordDigest", Hex(record))));
    }

    private static ProtocolVector Derivations(byte[] contentKey, byte[] iv, byte[] recipientPublic, byte[] ephemeralPrivate) =>
        new("derivations", "Build-side derivations (section 10)", Lines(
            ("S (test only)", Hex(ContentSecret)),
            ("product (text)", Product),
            ("version (text)", Version),
            ("channel (text)", Channel),
            ("contentKey", Hex(contentKey)),
            ("iv of the image", Hex(iv)),
            ("R", Hex(recipientPublic)),
            ("ephemeral private key for R", Hex(ephemeralPrivate)),
            ("rollout salt", Hex(ContentKeyDerivation.RolloutSalt(Product, Channel, Version)))));

    private static ProtocolVector Artifact(byte[] contentKey, byte[] iv, EncryptedArtifact artifact) =>
        new("artifact", "Encrypted hash-chained artifact of the 5000-byte image (section 7)", Lines(
            ("contentKey", Hex(contentKey)),
            ("iv", Hex(iv)),
            ("size (decimal)", artifact.Size.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("head", Hex(artifact.Head)),
            ("sha256", artifact.BlobName),
            ("record 0 first 32 bytes", Hex(artifact.Bytes.AsSpan(0, 32))),
            ("record 0 link N_0", Hex(artifact.Bytes.AsSpan(ArtifactLayout.ChunkSize, 32))),
            ("record 1", Hex(artifact.Bytes.AsSpan(ArtifactLayout.RecordSize)))));

    private static ProtocolVector WrappedKeyVector(byte[] contentKey, X25519KeyPair recipient, byte[] ephemeralPrivate)
    {
        using var ephemeral = X25519KeyPair.FromPrivateKey(ephemeralPrivate);
        var shared = recipient.SharedSecret(ephemeral.PublicKey);
        var kek = HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, 16, [.. ephemeral.PublicKey, .. recipient.PublicKey], DigestKeys.KeyWrapInfo);
        var file = WrappedKeyWriter.Write(contentKey, recipient.PublicKey, ephemeralPrivate);
        return new("wrapped-key", "Wrapped content key (section 8)", Lines(
            ("recipient private r (test only)", Hex(RecipientPrivateKey)),
            ("R", Hex(recipient.PublicKey)),
            ("recipient id", file.RecipientId),
            ("E", Hex(ephemeral.PublicKey)),
            ("Z", Hex(shared)),
            ("KEK", Hex(kek)),
            ("file", Hex(file.Bytes)),
            ("keyCheck", Hex(WrappedKeyWriter.KeyCheck(contentKey)))));
    }

    /// <summary>The root metadata of the vectors: one root, one approval and one release key, each threshold 1.</summary>
    public static RootMetadata RootMetadataOf(Ed25519KeyPair root, Ed25519KeyPair approval, Ed25519KeyPair release, string anchor) =>
        new(1, RootExpires, Product, [root.PublicKey, approval.PublicKey, release.PublicKey],
            new RoleDefinition(1, [KeyId.Of(root.PublicKey)]), new RoleDefinition(1, [KeyId.Of(approval.PublicKey)]),
            new RoleDefinition(1, [KeyId.Of(release.PublicKey)]), [anchor]);

    private static ProtocolVector RootEnvelope(Ed25519KeyPair root, Ed25519KeyPair approval, Ed25519KeyPair release, string anchor)
    {
        var envelope = EnvelopeSigner.Sign(PayloadTypes.Root, RootMetadataWriter.Write(RootMetadataOf(root, approval, release, anchor)), root);
        return new("root-envelope", "Root metadata version 1, signed by the root key (section 5)", Lines(
            ("root seed (test only)", Hex(RootSeed)),
            ("approval seed (test only)", Hex(ApprovalSeed)),
            ("release seed (test only)", Hex(ReleaseSeed)),
            ("product (text)", Product),
            ("tlsAnchors (file)", AnchorFile),
            ("release split", Hex(Ed25519SplitPoints.Compute(release.PublicKey)!)),
            ("envelope (text)", Encoding.UTF8.GetString(envelope))));
    }

    private static byte[] ApprovalEnvelopeBytes(Ed25519KeyPair approval, ImageDigests digests) =>
        EnvelopeSigner.Sign(PayloadTypes.Approval, ReleaseApprovalWriter.Write(Product, Version, 1, digests), approval);

    private static ProtocolVector ApprovalEnvelope(Ed25519KeyPair approval, ImageDigests digests) =>
        new("approval-envelope", "Release approval of the 5000-byte image, signed by the approval key (section 6a)", Lines(
            ("approval seed (test only)", Hex(ApprovalSeed)),
            ("envelope (text)", Encoding.UTF8.GetString(ApprovalEnvelopeBytes(approval, digests)))));

    private static ProtocolVector ChannelEnvelope(Ed25519KeyPair release, byte[] approvalEnvelope, byte[] contentKey, ImageDigests digests, EncryptedArtifact artifact)
    {
        var writer = new ChainedArtifactWriter();
        var patch = DeltaDiff.Create(DeltaBase(), Plain());
        var delta = writer.Write(patch, contentKey, ContentKeyDerivation.ArtifactIv(contentKey, patch));
        var entry = new ReleaseEntry(Version, 1, digests.ImageSize, digests.ImageDigest, digests.ImageSha256, WrappedKeyWriter.KeyCheck(contentKey),
            [ArtifactEntry.From(artifact), ArtifactEntry.Delta(delta, writer.ComputeImageDigests(DeltaBase()).ImageDigest, DeltaBaseVersion)],
            approvalEnvelope);
        var manifest = new ChannelManifest(Product, Channel, Issued, Issued, ManifestExpires, entry,
            new RolloutPolicy(100, ContentKeyDerivation.RolloutSalt(Product, Channel, Version)));
        var envelope = EnvelopeSigner.Sign(PayloadTypes.Channel, ChannelManifestWriter.Write(manifest), release);
        return new("channel-envelope", "Channel manifest for the artifact above and a delta patch to it, signed by the release key (sections 6 and 11a)", Lines(
            ("release seed (test only)", Hex(ReleaseSeed)),
            ("delta base (rule)", "4500 bytes, byte i = i mod 251 for i < 4000, then 500 bytes 0xaa"),
            ("delta base version (text)", DeltaBaseVersion),
            ("delta patch", Hex(patch)),
            ("envelope (text)", Encoding.UTF8.GetString(envelope))));
    }

    internal static IReadOnlyList<KeyValuePair<string, string>> Lines(params (string Label, string Value)[] lines) =>
        lines.Select(l => new KeyValuePair<string, string>(l.Label, l.Value)).ToList();

    internal static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    private static byte[] Sequence(byte first)
    {
        var bytes = new byte[32];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)(first + i);
        return bytes;
    }
}
