namespace SecureOta.Build.Keys;

/// <summary>The three roles of root metadata (docs/PROTOCOL.md section 5); no key may hold two.</summary>
public enum RootRoleKind
{
    /// <summary>Offline: signs the next root version.</summary>
    Root,

    /// <summary>Offline, the maintainers: approves each release (which images devices may install).</summary>
    Approval,

    /// <summary>Online, CI: signs the channel manifests (which approved release each channel points at now).</summary>
    Release,
}
