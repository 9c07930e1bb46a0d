using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SecureOta.Build.Crypto;
using SecureOta.Build.Publishing;

namespace SecureOta.Build.DeviceCost;

/// <summary>
/// The sites the poll-level steps poll, written with the release pipeline's own writers into the
/// inputs under "poll.&lt;site&gt;/&lt;path&gt;": "delta" publishes the new image with a delta patch from the old
/// one, "full" the same release without a patch, "rotated" is "delta" after a root rotation (roots/2.json,
/// new release key, the release re-signed), "padded" is "rotated" after a second rotation (roots/3.json) with the
/// new root and the re-signed manifest padded by a mirror to their size limits with <c>"junk":[{},{},…]</c>
/// (their signatures still verify: they cover the payload only). Keys come from fixed seeds. Kept in one file with
/// <see cref="DeviceCostPollScenarios"/>: protocol v2 documents (product, approval role, an approved release).
/// </summary>
public static class DeviceCostPollSite
{
    /// <summary>The time of the poll steps (the device's clock): every document is valid then.</summary>
    public const long Now = 1_800_000_000;

    public const string Channel = "stable";
    public const string Product = "devicecost";
    public const string RootV1 = "poll.rootV1";
    public const string RecipientPrivateKey = "poll.recipientPrivateKey";
    public const string DeltaSite = "poll.delta/";
    public const string FullSite = "poll.full/";
    public const string RotatedSite = "poll.rotated/";
    public const string PaddedSite = "poll.padded/";

    /// <summary>Adds the three sites and the device's provisioning inputs to <paramref name="inputs"/>.</summary>
    public static void Add(Dictionary<string, byte[]> inputs, byte[] oldImage, byte[] newImage, byte[] patch)
    {
        using var root1 = Ed25519KeyPair.FromSeed(Seed("root 1"));
        using var release1 = Ed25519KeyPair.FromSeed(Seed("release 1"));
        using var root2 = Ed25519KeyPair.FromSeed(Seed("root 2"));
        using var release2 = Ed25519KeyPair.FromSeed(Seed("release 2"));
        using var approval = Ed25519KeyPair.FromSeed(Seed("approval"));
        string anchor = TlsAnchorPem();
        byte[] recipientPrivate = Seed("device");
        inputs[RecipientPrivateKey] = recipientPrivate;
        byte[] recipientPublic = new byte[32];
        Device.Core.Crypto.X25519.ScalarMultBase(recipientPublic, recipientPrivate);

        byte[] rootV1 = SignRoot(1, root1, approval, release1, anchor, root1);
        inputs[RootV1] = rootV1;
        var baseFiles = new Dictionary<string, byte[]>(StringComparer.Ordinal) { ["root.json"] = rootV1, ["roots/1.json"] = rootV1 };

        var delta = new Dictionary<string, byte[]>(baseFiles, StringComparer.Ordinal);
        Publish(delta, newImage, oldImage, patch, recipientPublic, release1, approval, Now - 60);
        var full = new Dictionary<string, byte[]>(baseFiles, StringComparer.Ordinal);
        Publish(full, newImage, null, null, recipientPublic, release1, approval, Now - 60);

        var rotated = new Dictionary<string, byte[]>(delta, StringComparer.Ordinal);
        byte[] rootV2 = SignRoot(2, root2, approval, release2, anchor, root1, root2);
        rotated["roots/2.json"] = rootV2;
        rotated["root.json"] = rootV2;
        Publish(rotated, newImage, oldImage, patch, recipientPublic, release2, approval, Now - 30);

        using var root3 = Ed25519KeyPair.FromSeed(Seed("root 3"));
        var padded = new Dictionary<string, byte[]>(rotated, StringComparer.Ordinal);
        padded["roots/3.json"] = PadWithJunk(SignRoot(3, root3, approval, release2, anchor, root2, root3), ProtocolLimits.MaxRootEnvelopeSize);
        padded["root.json"] = padded["roots/3.json"];
        Publish(padded, newImage, oldImage, patch, recipientPublic, release2, approval, Now - 20);
        padded["channels/" + Channel + ".json"] = PadWithJunk(padded["channels/" + Channel + ".json"], ProtocolLimits.MaxChannelEnvelopeSize);

        foreach (var (prefix, files) in new[] { (DeltaSite, delta), (FullSite, full), (RotatedSite, rotated), (PaddedSite, padded) })
        {
            foreach (var file in files) inputs[prefix + file.Key] = file.Value;
        }
    }

    /// <summary>Root v1 of the poll sites' root and approval keys with <paramref name="release"/> as its release key, signed by the root key.</summary>
    public static byte[] RootWithReleaseKey(Ed25519KeyPair release)
    {
        ArgumentNullException.ThrowIfNull(release);
        using var root1 = Ed25519KeyPair.FromSeed(Seed("root 1"));
        using var approval = Ed25519KeyPair.FromSeed(Seed("approval"));
        return SignRoot(1, root1, approval, release, TlsAnchorPem(), root1);
    }

    private static byte[] SignRoot(long version, Ed25519KeyPair root, Ed25519KeyPair approval, Ed25519KeyPair release, string anchor,
        params Ed25519KeyPair[] signers)
    {
        var metadata = new RootMetadata(version, Now + 365 * 86400, Product, [root.PublicKey, approval.PublicKey, release.PublicKey],
            new RoleDefinition(1, [KeyId.Of(root.PublicKey)]), new RoleDefinition(1, [KeyId.Of(approval.PublicKey)]),
            new RoleDefinition(1, [KeyId.Of(release.PublicKey)]), [anchor]);
        return EnvelopeSigner.Sign(PayloadTypes.Root, RootMetadataWriter.Write(metadata), signers);
    }

    private static void Publish(Dictionary<string, byte[]> files, byte[] image, byte[]? baseImage, byte[]? patch, byte[] recipient,
        Ed25519KeyPair releaseKey, Ed25519KeyPair approvalKey, long issued)
    {
        const string version = "2.0.0";
        byte[] seed = Seed("release seed");
        byte[] contentKey = ContentKeyDerivation.ContentKey(seed, version);
        var writer = new ChainedArtifactWriter(new HostHmacSha256());
        var artifact = writer.Write(image, contentKey, ContentKeyDerivation.ArtifactIv(contentKey, image));
        var digests = writer.ComputeImageDigests(image);
        files[artifact.Path] = artifact.Bytes;
        var entries = new List<ArtifactEntry> { ArtifactEntry.From(artifact) };
        if (patch is not null && baseImage is not null)
        {
            var encryptedPatch = writer.Write(patch, contentKey, ContentKeyDerivation.ArtifactIv(contentKey, patch));
            files[encryptedPatch.Path] = encryptedPatch.Bytes;
            entries.Add(ArtifactEntry.Delta(encryptedPatch, writer.ComputeImageDigests(baseImage).ImageDigest, "1.0.0"));
        }
        var wrapped = WrappedKeyWriter.Write(contentKey, recipient, ContentKeyDerivation.EphemeralPrivateKey(seed, version, recipient));
        files[wrapped.SitePath(version)] = wrapped.Bytes;
        var approval = EnvelopeSigner.Sign(PayloadTypes.Approval, ReleaseApprovalWriter.Write(Product, version, 1, digests), approvalKey);
        var manifest = new ChannelManifest(Product, Channel, issued, issued, issued + 7 * 86400,
            new ReleaseEntry(version, 1, image.Length, digests.ImageDigest, digests.ImageSha256, WrappedKeyWriter.KeyCheck(contentKey), entries, approval),
            new RolloutPolicy(100, ContentKeyDerivation.RolloutSalt(Product, Channel, version)));
        files["channels/" + Channel + ".json"] = EnvelopeSigner.Sign(PayloadTypes.Channel, ChannelManifestWriter.Write(manifest), releaseKey);
    }

    /// <summary>The envelope with <c>"junk":[{},{},…]</c> and spaces added before its last brace, exactly <paramref name="size"/> bytes.</summary>
    private static byte[] PadWithJunk(byte[] envelope, int size)
    {
        var text = new StringBuilder(Encoding.UTF8.GetString(envelope, 0, envelope.Length - 1)).Append(",\"junk\":[{}");
        while (text.Length + 5 <= size) text.Append(",{}");
        text.Append(']').Append(' ', size - 1 - text.Length).Append('}');
        byte[] padded = Encoding.UTF8.GetBytes(text.ToString());
        if (padded.Length != size) throw new InvalidOperationException($"padding gave {padded.Length} bytes, not {size}");
        return padded;
    }

    // The pinned CA the roots list: only parsed by the device, never used for TLS here.
    private static string TlsAnchorPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=SecureOta DeviceCost CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch.AddYears(50), DateTimeOffset.UnixEpoch.AddYears(70));
        return certificate.ExportCertificatePem() + "\n";
    }

    private static byte[] Seed(string label) => SHA256.HashData(Encoding.UTF8.GetBytes("SecureOta DeviceCost poll " + label));
}
