namespace SecureOta.Build.Verification;

/// <summary>
/// Ids of the checks <see cref="SiteVerifier"/> adds to the device's own steps (R1-R8, C1-C9, K1-K4,
/// A1-A5 of docs/PROTOCOL.md section 9, reported as the device core names them). A device never runs
/// these: they are about what the build published, not about what one device fetches.
/// </summary>
public static class SiteSteps
{
    /// <summary>roots/1.json is byte for byte the root version 1 devices are provisioned with.</summary>
    public const string ProvisionedRoot = "S1";

    /// <summary>root.json is byte for byte the newest roots/&lt;N&gt;.json.</summary>
    public const string CurrentRoot = "S2";

    /// <summary>A file the site must hold is there and readable (a named blob, a wrapped key, a channel, a root).</summary>
    public const string MissingFile = "S3";

    /// <summary>A blob's SHA-256 is its name (and so the manifest's <c>sha256</c>).</summary>
    public const string BlobName = "S4";

    /// <summary>Every file under ota/v2/ is accounted for by the rule of <see cref="SiteVerifier"/>.</summary>
    public const string UnlistedFile = "S5";

    /// <summary>A content key could be obtained for a release a manifest names (a recipient key or the build's key).</summary>
    public const string NoContentKey = "S6";

    /// <summary>The build's own content key for a release matches the manifest's <c>keyCheck</c>.</summary>
    public const string BuildKeyCheck = "S7";

    /// <summary>A delta patch applies to its base (a release image with its baseDigest) and rebuilds the release's image (section 11a).</summary>
    public const string DeltaRebuildsImage = "S8";
}
