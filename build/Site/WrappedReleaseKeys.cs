using SecureOta.Build.Publishing;
using SecureOta.Build.Releases;

namespace SecureOta.Build.Site;

/// <summary>
/// What the WrapKeys task made of one release: the manifest's <c>keyCheck</c> and the release's
/// content key wrapped for every recipient (<c>keys/&lt;version&gt;/&lt;recipient id&gt;</c>).
/// </summary>
/// <param name="Release">The release.</param>
/// <param name="KeyCheck">HMAC(contentKey, "SecureOta/v1/key-check")[0..16): public, lets a device refuse a substituted key file.</param>
/// <param name="Keys">One wrapped key per recipient, in recipient order.</param>
public sealed record WrappedReleaseKeys(Release Release, byte[] KeyCheck, IReadOnlyList<WrappedKey> Keys)
{
    /// <summary>The version as it appears in manifests and site paths.</summary>
    public string Version => Release.Version.ToString();
}
