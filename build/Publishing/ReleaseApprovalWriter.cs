namespace SecureOta.Build.Publishing;

/// <summary>
/// Writes the payload bytes of a release approval (docs/PROTOCOL.md section 6a): compact UTF-8 JSON
/// naming the product, version, security version, image size and both image digests. The same inputs
/// give the same bytes, so every maintainer's signature is over the same payload and can be collected
/// into one envelope.
/// </summary>
public static class ReleaseApprovalWriter
{
    public const string TypeName = "secureota/approval";
    public const int Spec = 2;

    public static byte[] Write(string product, string version, long securityVersion, ImageDigests digests)
    {
        ArgumentNullException.ThrowIfNull(digests);
        if (!ProtocolNames.IsChannel(product)) throw new ProtocolLimitException("product", $"\"{product}\" is not 1 to 32 of [a-z0-9-]");
        if (!ProtocolNames.IsReleaseVersion(version))
            throw new ProtocolLimitException("version", $"\"{version}\" is not a SemVer 2.0 version of at most {ProtocolLimits.MaxVersionLength} characters");
        PayloadRules.RequireRange("securityVersion", securityVersion, 0, ProtocolLimits.MaxSecurityVersion);
        PayloadRules.RequireRange("imageSize", digests.ImageSize, 1, ProtocolLimits.MaxImageSize);
        PayloadRules.RequireBytes("imageDigest", digests.ImageDigest, 32);
        PayloadRules.RequireBytes("imageSha256", digests.ImageSha256, 32);
        return CompactJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("type", TypeName);
            writer.WriteNumber("spec", Spec);
            writer.WriteString("product", product);
            writer.WriteString("version", version);
            writer.WriteNumber("securityVersion", securityVersion);
            writer.WriteNumber("imageSize", digests.ImageSize);
            writer.WriteString("imageDigest", Convert.ToHexStringLower(digests.ImageDigest));
            writer.WriteString("imageSha256", Convert.ToHexStringLower(digests.ImageSha256));
            writer.WriteEndObject();
        });
    }
}
