using SecureOta.Build.Publishing;
using SecureOta.Device.Core.Envelopes;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Build.Keys;

/// <summary>
/// The next root version being prepared: the current root's product, roles, keys and anchors, which a
/// ceremony edits (add or remove a key, change a threshold, replace the pinned CAs) before it is
/// written as <see cref="RootMetadata"/> and signed. The product never changes along a root chain.
/// </summary>
public sealed class RootDraft
{
    private readonly Dictionary<RootRoleKind, List<byte[]>> _keys;
    private readonly Dictionary<RootRoleKind, int> _thresholds;

    public RootDraft(string product, IEnumerable<byte[]> rootKeys, int rootThreshold, IEnumerable<byte[]> approvalKeys, int approvalThreshold,
        IEnumerable<byte[]> releaseKeys, int releaseThreshold, IReadOnlyList<string> tlsAnchors)
    {
        Product = product;
        _keys = new()
        {
            [RootRoleKind.Root] = rootKeys.ToList(),
            [RootRoleKind.Approval] = approvalKeys.ToList(),
            [RootRoleKind.Release] = releaseKeys.ToList(),
        };
        _thresholds = new()
        {
            [RootRoleKind.Root] = rootThreshold,
            [RootRoleKind.Approval] = approvalThreshold,
            [RootRoleKind.Release] = releaseThreshold,
        };
        TlsAnchors = tlsAnchors;
    }

    /// <summary>A draft holding exactly what <paramref name="root"/> holds.</summary>
    public static RootDraft From(TrustedRoot root) => new(root.Product,
        Keys(root.RootRole), root.RootRole.Threshold,
        Keys(root.ApprovalRole), root.ApprovalRole.Threshold,
        Keys(root.ReleaseRole), root.ReleaseRole.Threshold,
        Enumerable.Range(0, root.TlsAnchorCount).Select(root.GetTlsAnchor).ToList())
    {
        Collector = root.Collector is { } c
            ? new RootCollector(c.Url, c.GetKey(), Enumerable.Range(0, c.TlsAnchorCount).Select(c.GetTlsAnchor).ToList())
            : null,
    };

    public string Product { get; }

    public int RootThreshold => _thresholds[RootRoleKind.Root];

    public IReadOnlyList<string> TlsAnchors { get; set; }

    /// <summary>The report collector the root names, or null (devices send no reports).</summary>
    public RootCollector? Collector { get; set; }

    public IReadOnlyList<string> RootKeyIds => KeyIds(RootRoleKind.Root);

    public int Threshold(RootRoleKind role) => _thresholds[role];

    public void SetThreshold(RootRoleKind role, int threshold) => _thresholds[role] = threshold;

    public IReadOnlyList<string> KeyIds(RootRoleKind role) => _keys[role].Select(KeyId.Of).ToList();

    /// <summary>Adds a key to a role; false when the role already has it.</summary>
    public bool Add(RootRoleKind role, byte[] publicKey)
    {
        var keys = _keys[role];
        if (keys.Any(k => k.AsSpan().SequenceEqual(publicKey))) return false;
        keys.Add(publicKey);
        return true;
    }

    /// <summary>Removes the key with <paramref name="keyId"/> from a role; false when the role does not have it.</summary>
    public bool Remove(RootRoleKind role, string keyId) => _keys[role].RemoveAll(k => KeyId.Of(k) == keyId) > 0;

    /// <summary>
    /// The metadata of root <paramref name="version"/>: every key listed once. A key in two roles is
    /// listed once here and refused by <see cref="RootMetadataWriter"/>, which names it.
    /// </summary>
    public RootMetadata ToMetadata(long version, long expires)
    {
        var all = new List<byte[]>();
        foreach (var key in _keys.Values.SelectMany(k => k))
        {
            if (!all.Any(k => k.AsSpan().SequenceEqual(key))) all.Add(key);
        }
        return new RootMetadata(version, expires, Product, all,
            Role(RootRoleKind.Root), Role(RootRoleKind.Approval), Role(RootRoleKind.Release), TlsAnchors, Collector);
    }

    private RoleDefinition Role(RootRoleKind role) => new(_thresholds[role], KeyIds(role));

    private static IEnumerable<byte[]> Keys(SigningRole role) =>
        Enumerable.Range(0, role.KeyCount).Select(i => (byte[])role.GetPublicKey(i).Clone());
}
