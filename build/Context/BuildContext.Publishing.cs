using SecureOta.Build.Releases;
using SecureOta.Build.Site;

namespace SecureOta.Build.Context;

/// <summary>What the publishing tasks (Encrypt, WrapKeys, Sign, WriteSite) hand to each other.</summary>
public sealed partial class BuildContext
{
    private IReadOnlyList<EncryptedRelease>? _encryptedReleases;
    private IReadOnlyList<WrappedReleaseKeys>? _wrappedKeys;
    private IReadOnlyList<SignedChannel>? _signedChannels;
    private IReadOnlyDictionary<Release, byte[]>? _approvals;

    /// <summary>The valid approval envelope of every release a channel points at. Set by CheckApprovals.</summary>
    public IReadOnlyDictionary<Release, byte[]> Approvals
    {
        get => _approvals ?? throw NotYet("Release approvals", "CheckApprovalsTask");
        set => _approvals = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Every release's digests and encrypted full artifact, oldest first. Set by Encrypt.</summary>
    public IReadOnlyList<EncryptedRelease> EncryptedReleases
    {
        get => _encryptedReleases ?? throw NotYet("Encrypted releases", "EncryptTask");
        set => _encryptedReleases = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Every release's key check and wrapped content keys, oldest first. Set by WrapKeys.</summary>
    public IReadOnlyList<WrappedReleaseKeys> WrappedKeys
    {
        get => _wrappedKeys ?? throw NotYet("Wrapped keys", "WrapKeysTask");
        set => _wrappedKeys = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The signed manifest of every channel that has a release, by channel name. Set by Sign.</summary>
    public IReadOnlyList<SignedChannel> SignedChannels
    {
        get => _signedChannels ?? throw NotYet("Signed channel manifests", "SignTask");
        set => _signedChannels = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>True once WriteSite has replaced the site folder (<see cref="BuildPaths.SiteDir"/>).</summary>
    public bool SiteWritten { get; set; }

    /// <summary>
    /// Writes one site file into the staging folder. A seam for tests, which make a write fail to check
    /// that a failed WriteSite leaves the previous site untouched; the build always uses the default.
    /// </summary>
    internal Action<string, byte[]> WriteSiteFile { get; set; } = File.WriteAllBytes;

    private static InvalidOperationException NotYet(string what, string task) =>
        new($"{what} are not available: the task reading them must declare [IsDependentOn(typeof({task}))].");
}
