using SecureOta.Build.Publishing;
using SecureOta.Device.Core.Envelopes;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Build.Keys;

/// <summary>
/// The next root version being prepared: the current root's roles, keys and anchors, which a
/// ceremony edits (add or remove a key, change a threshold, replace the pinned CAs) before it is
/// written as <see cref="RootMetadata"/> and signed.
/// </summary>
public sealed class RootDraft
{
    private readonly List<byte[]> _rootKeys;
    private readonly List<byte[]> _releaseKeys;

    public RootDraft(IEnumerable<byte[]> rootKeys, int rootThreshold, IEnumerable<byte[]> releaseKeys, int releaseThreshold, IReadOnlyList<string> tlsAnchors)
    {
        _rootKeys = rootKeys.ToList();
        _releaseKeys = releaseKeys.ToList();
        RootThreshold = rootThreshold;
        ReleaseThreshold = releaseThreshold;
        TlsAnchors = tlsAnchors;
    }

    /// <summary>A draft holding exactly what <paramref name="root"/> holds.</summary>
    public static RootDraft From(TrustedRoot root) => new(
        Keys(root.RootRole), root.RootRole.Threshold,
        Keys(root.ReleaseRole), root.ReleaseRole.Threshold,
        Enumerable.Range(0, root.TlsAnchorCount).Select(root.GetTlsAnchor).ToList());

    public int RootThreshold { get; set; }

    public int ReleaseThreshold { get; set; }

    public IReadOnlyList<string> TlsAnchors { get; set; }

    public IReadOnlyList<string> RootKeyIds => _rootKeys.Select(KeyId.Of).ToList();

    public IReadOnlyList<string> ReleaseKeyIds => _releaseKeys.Select(KeyId.Of).ToList();

    /// <summary>Adds a key to a role; false when the role already has it.</summary>
    public bool Add(bool rootRole, byte[] publicKey)
    {
        var keys = rootRole ? _rootKeys : _releaseKeys;
        if (keys.Any(k => k.AsSpan().SequenceEqual(publicKey))) return false;
        keys.Add(publicKey);
        return true;
    }

    /// <summary>Removes the key with <paramref name="keyId"/> from a role; false when the role does not have it.</summary>
    public bool Remove(bool rootRole, string keyId) =>
        (rootRole ? _rootKeys : _releaseKeys).RemoveAll(k => KeyId.Of(k) == keyId) > 0;

    /// <summary>The metadata of root <paramref name="version"/>: every key of either role listed once.</summary>
    public RootMetadata ToMetadata(long version, long expires)
    {
        var all = new List<byte[]>();
        foreach (var key in _rootKeys.Concat(_releaseKeys))
        {
            if (!all.Any(k => k.AsSpan().SequenceEqual(key))) all.Add(key);
        }
        return new RootMetadata(version, expires, all,
            new RoleDefinition(RootThreshold, RootKeyIds), new RoleDefinition(ReleaseThreshold, ReleaseKeyIds), TlsAnchors);
    }

    private static IEnumerable<byte[]> Keys(SigningRole role) =>
        Enumerable.Range(0, role.KeyCount).Select(i => (byte[])role.GetPublicKey(i).Clone());
}
