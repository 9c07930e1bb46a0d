using System.Text.Json;
using SecureOta.Device.Core.Artifacts;

namespace SecureOta.Build.Publishing;

/// <summary>
/// Writes the payload bytes of a channel manifest (docs/PROTOCOL.md section 6, delta artifacts of
/// section 11a): compact UTF-8 JSON with exactly the members of the spec, integers as JSON integers, hex in lowercase, <c>keys</c> and
/// artifact <c>path</c> derived rather than copied. Every rule of section 6 and limit of section 11 is
/// checked first; a broken one throws <see cref="ProtocolLimitException"/> naming the member.
/// </summary>
public static class ChannelManifestWriter
{
    public const string TypeName = "secureota/channel";
    public const int Spec = 2;

    private const int DigestSize = 32;
    private const int KeyCheckSize = 16;
    private const int IvSize = 16;
    private const int SaltSize = 16;

    public static byte[] Write(ChannelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        Validate(manifest);
        ReleaseEntry release = manifest.Release;

        return CompactJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("type", TypeName);
            writer.WriteNumber("spec", Spec);
            writer.WriteString("product", manifest.Product);
            writer.WriteString("channel", manifest.Channel);
            writer.WriteNumber("sequence", manifest.Sequence);
            writer.WriteNumber("issued", manifest.Issued);
            writer.WriteNumber("expires", manifest.Expires);

            writer.WriteStartObject("release");
            writer.WriteString("version", release.Version);
            writer.WriteNumber("securityVersion", release.SecurityVersion);
            writer.WriteNumber("imageSize", release.ImageSize);
            writer.WriteString("imageDigest", Convert.ToHexStringLower(release.ImageDigest));
            writer.WriteString("imageSha256", Convert.ToHexStringLower(release.ImageSha256));
            writer.WriteString("keyCheck", Convert.ToHexStringLower(release.KeyCheck));
            writer.WriteString("keys", KeysPath(release.Version));
            writer.WriteBase64String("approval", release.Approval);
            writer.WriteStartArray("artifacts");
            foreach (ArtifactEntry artifact in release.Artifacts)
            {
                WriteArtifact(writer, artifact);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();

            writer.WriteStartObject("rollout");
            writer.WriteNumber("percent", manifest.Rollout.Percent);
            writer.WriteString("salt", Convert.ToHexStringLower(manifest.Rollout.Salt));
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    /// <summary><c>release.keys</c>: <c>keys/&lt;version&gt;/</c>, the folder of the release's wrapped keys.</summary>
    public static string KeysPath(string version) => "keys/" + version + "/";

    private static void WriteArtifact(Utf8JsonWriter writer, ArtifactEntry artifact)
    {
        string sha256 = Convert.ToHexStringLower(artifact.Sha256);
        writer.WriteStartObject();
        writer.WriteString("kind", artifact.Kind);
        writer.WriteString("path", "blobs/" + sha256);
        writer.WriteNumber("size", artifact.Size);
        writer.WriteString("sha256", sha256);
        writer.WriteString("head", Convert.ToHexStringLower(artifact.Head));
        writer.WriteString("iv", Convert.ToHexStringLower(artifact.Iv));
        writer.WriteNumber("plainSize", artifact.PlainSize);
        if (artifact.BaseDigest is not null) writer.WriteString("baseDigest", Convert.ToHexStringLower(artifact.BaseDigest));
        if (artifact.BaseVersion is not null) writer.WriteString("baseVersion", artifact.BaseVersion);
        writer.WriteEndObject();
    }

    private static void Validate(ChannelManifest manifest)
    {
        if (!ProtocolNames.IsChannel(manifest.Product))
            throw new ProtocolLimitException("product", $"\"{manifest.Product}\" is not 1 to 32 of [a-z0-9-]");
        if (!ProtocolNames.IsChannel(manifest.Channel))
            throw new ProtocolLimitException("channel", $"\"{manifest.Channel}\" is not 1 to 32 of [a-z0-9-]");
        PayloadRules.RequireJsonInteger("sequence", manifest.Sequence);
        PayloadRules.RequireJsonInteger("issued", manifest.Issued);
        PayloadRules.RequireJsonInteger("expires", manifest.Expires);
        if (manifest.Issued >= manifest.Expires)
            throw new ProtocolLimitException("expires", $"{manifest.Expires} is not after issued ({manifest.Issued})");

        ReleaseEntry release = manifest.Release ?? throw new ProtocolLimitException("release", "the release is required");
        if (!ProtocolNames.IsReleaseVersion(release.Version))
            throw new ProtocolLimitException("release.version", $"\"{release.Version}\" is not a SemVer 2.0 version of at most {ProtocolLimits.MaxVersionLength} characters");
        PayloadRules.RequireRange("release.securityVersion", release.SecurityVersion, 0, ProtocolLimits.MaxSecurityVersion);
        PayloadRules.RequireRange("release.imageSize", release.ImageSize, 1, ProtocolLimits.MaxImageSize);
        PayloadRules.RequireBytes("release.imageDigest", release.ImageDigest, DigestSize);
        PayloadRules.RequireBytes("release.imageSha256", release.ImageSha256, DigestSize);
        PayloadRules.RequireBytes("release.keyCheck", release.KeyCheck, KeyCheckSize);
        if (release.Approval is null || release.Approval.Length == 0 || release.Approval.Length > ProtocolLimits.MaxApprovalEnvelopeSize)
            throw new ProtocolLimitException("release.approval", $"the approval envelope is 1 to {ProtocolLimits.MaxApprovalEnvelopeSize} bytes");
        ValidateArtifacts(release);

        RolloutPolicy rollout = manifest.Rollout ?? throw new ProtocolLimitException("rollout", "the rollout is required");
        PayloadRules.RequireRange("rollout.percent", rollout.Percent, 0, 100);
        PayloadRules.RequireBytes("rollout.salt", rollout.Salt, SaltSize);
    }

    /// <summary>Section 11a: a delta names its base by digest (each base once) and by version.</summary>
    private static void ValidateDelta(string member, ArtifactEntry artifact, HashSet<string> bases)
    {
        PayloadRules.RequireBytes(member + ".baseDigest", artifact.BaseDigest, DigestSize);
        if (!bases.Add(Convert.ToHexStringLower(artifact.BaseDigest!)))
            throw new ProtocolLimitException(member + ".baseDigest", "another delta already applies to this base image; each base has at most one patch");
        if (artifact.BaseVersion is null || !ProtocolNames.IsReleaseVersion(artifact.BaseVersion))
            throw new ProtocolLimitException(member + ".baseVersion",
                $"\"{artifact.BaseVersion}\" is not a SemVer 2.0 version of at most {ProtocolLimits.MaxVersionLength} characters");
    }

    private static void ValidateArtifacts(ReleaseEntry release)
    {
        if (release.Artifacts is null) throw new ProtocolLimitException("release.artifacts", "the artifacts are required");
        PayloadRules.RequireCount("release.artifacts", release.Artifacts.Count, 1, ProtocolLimits.MaxArtifacts);
        int fullCount = 0;
        var bases = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < release.Artifacts.Count; i++)
        {
            string member = $"release.artifacts[{i}]";
            ArtifactEntry artifact = release.Artifacts[i] ?? throw new ProtocolLimitException(member, "the artifact is required");
            if (!ProtocolNames.IsArtifactKind(artifact.Kind))
                throw new ProtocolLimitException(member + ".kind", $"\"{artifact.Kind}\" is not 1 to 32 of [a-z0-9-]");
            PayloadRules.RequireRange(member + ".plainSize", artifact.PlainSize, 1, ProtocolLimits.MaxImageSize);
            int expectedSize = ArtifactLayout.ArtifactSize(artifact.PlainSize);
            if (artifact.Size != expectedSize)
                throw new ProtocolLimitException(member + ".size", $"{artifact.Size} bytes, but a plain size of {artifact.PlainSize} gives {expectedSize}");
            PayloadRules.RequireBytes(member + ".sha256", artifact.Sha256, DigestSize);
            PayloadRules.RequireBytes(member + ".head", artifact.Head, DigestSize);
            PayloadRules.RequireBytes(member + ".iv", artifact.Iv, IvSize);

            if (artifact.Kind == ArtifactEntry.FullKind)
            {
                fullCount++;
                if (artifact.PlainSize != release.ImageSize)
                    throw new ProtocolLimitException(member + ".plainSize", $"{artifact.PlainSize}, but a full artifact carries the image ({release.ImageSize} bytes)");
                if (artifact.BaseDigest is not null || artifact.BaseVersion is not null)
                    throw new ProtocolLimitException(member + ".baseDigest", "a full artifact has no base image");
            }
            else if (artifact.Kind == ArtifactEntry.DeltaKind)
            {
                ValidateDelta(member, artifact, bases);
            }
        }
        if (fullCount != 1)
            throw new ProtocolLimitException("release.artifacts", $"{fullCount} artifacts of kind full; exactly one is required");
    }
}
