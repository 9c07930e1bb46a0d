using System.Security.Cryptography;
using SecureOta.Build.Crypto;
using SecureOta.Build.Publishing;
using SecureOta.Device.Core.Artifacts;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Core.Trust;
using SecureOta.Tests.Device.Support;
using BuildManifest = SecureOta.Build.Publishing.ChannelManifest;
using BuildRollout = SecureOta.Build.Publishing.RolloutPolicy;

namespace SecureOta.Tests.Device;

/// <summary>
/// What the release pipeline writes, the device verifier accepts: root, manifest, wrapped key and
/// artifact from the build's writers go through every device step and give back the image.
/// </summary>
public sealed class PipelineInteropTests : IDisposable
{
    private const long Issued = 1_800_000_000;
    private readonly Ed25519KeyPair _rootKey = Ed25519KeyPair.Generate();
    private readonly Ed25519KeyPair _releaseKey = Ed25519KeyPair.Generate();
    private readonly Ed25519KeyPair _approvalKey = Ed25519KeyPair.Generate();
    private readonly SeamProbe _seams = new();

    public void Dispose()
    {
        _rootKey.Dispose();
        _releaseKey.Dispose();
        _approvalKey.Dispose();
        _seams.Dispose();
    }

    [Fact]
    public void Pipeline_output_passes_every_device_step()
    {
        byte[] seed = RandomNumberGenerator.GetBytes(32);
        const string version = "1.2.0+build.7";
        byte[] image = RandomNumberGenerator.GetBytes(3 * 4096 + 777);
        var device = new RecipientKey(RandomNumberGenerator.GetBytes(32));

        var root = new RootMetadata(1, Issued + 365 * 86400, "interop", [_rootKey.PublicKey, _approvalKey.PublicKey, _releaseKey.PublicKey],
            new RoleDefinition(1, [KeyId.Of(_rootKey.PublicKey)]), new RoleDefinition(1, [KeyId.Of(_approvalKey.PublicKey)]),
            new RoleDefinition(1, [KeyId.Of(_releaseKey.PublicKey)]), [TestDocuments.RootCaPem()]);
        byte[] rootEnvelope = EnvelopeSigner.Sign(PayloadTypes.Root, RootMetadataWriter.Write(root), _rootKey);

        byte[] contentKey = ContentKeyDerivation.ContentKey(seed, version);
        var writer = new ChainedArtifactWriter();
        EncryptedArtifact artifact = writer.Write(image, contentKey, ContentKeyDerivation.ArtifactIv(contentKey, image));
        ImageDigests digests = writer.ComputeImageDigests(image);
        WrappedKey wrapped = WrappedKeyWriter.Write(contentKey, device.GetPublicKey(),
            ContentKeyDerivation.EphemeralPrivateKey(seed, version, device.GetPublicKey()));
        byte[] approval = EnvelopeSigner.Sign(PayloadTypes.Approval, ReleaseApprovalWriter.Write("interop", version, 3, digests), _approvalKey);
        var manifest = new BuildManifest("interop", "stable", Issued, Issued, Issued + 7 * 86400,
            new ReleaseEntry(version, 3, image.Length, digests.ImageDigest, digests.ImageSha256, WrappedKeyWriter.KeyCheck(contentKey),
                [ArtifactEntry.From(artifact)], approval),
            new BuildRollout(100, ContentKeyDerivation.RolloutSalt("interop", "stable", version)));
        byte[] manifestEnvelope = EnvelopeSigner.Sign(PayloadTypes.Channel, ChannelManifestWriter.Write(manifest), _releaseKey);

        Assert.True(RootVerifier.TryLoadTrusted(rootEnvelope, out TrustedRoot trusted, out VerificationFailure failure), failure?.ToString());
        Assert.True(ChannelManifestVerifier.TryVerify(manifestEnvelope, trusted, "stable", Issued - 1, 3, Issued + 60,
            out VerifiedManifest verified, out failure), failure?.ToString());
        Assert.Equal(ManifestOutcome.NewRelease, verified.Outcome);
        ReleaseTarget release = verified.Manifest.Release;
        Assert.True(ReleaseApprovalVerifier.TryVerify(trusted, release, out _, out failure), failure?.ToString());
        Assert.Equal(wrapped.SitePath(version), release.WrappedKeyPath(device.Id));
        Assert.Equal(artifact.Path, release.FullArtifact.Path);

        Assert.True(new KeyUnwrapper(_seams, _seams).TryUnwrap(wrapped.Bytes, device, release.KeyCheck, out byte[] key, out failure), failure?.ToString());
        Assert.Equal(contentKey, key);

        ManifestArtifact full = release.FullArtifact;
        var reader = new RecordChainReader(_seams, _seams);
        reader.Start(full.PlainSize, release.ImageDigest, key, RecordChainPosition.AtStart(full.Head, full.Iv));
        byte[] slot = new byte[release.ImageSize];
        while (!reader.IsComplete)
        {
            Array.Copy(artifact.Bytes, reader.ArtifactOffset, reader.Buffer, 0, reader.RecordLength);
            Assert.True(reader.TryProcessRecord(reader.RecordLength, out failure), failure?.ToString());
            Array.Copy(reader.Buffer, 0, slot, reader.PlainOffset, reader.PlainLength);
        }
        Assert.True(reader.TryFinish(out failure), failure?.ToString());
        Assert.Equal(image, slot);
    }
}
