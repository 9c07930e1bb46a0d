namespace SecureOta.Build.Publishing;

/// <summary>
/// The limits of docs/PROTOCOL.md sections 3, 5, 6 and 11 as the build enforces them: a document the
/// build would publish beyond one of these is one every device rejects, so the build refuses it first.
/// </summary>
public static class ProtocolLimits
{
    /// <summary>Largest integer a payload may carry (2^53 - 1, section 3).</summary>
    public const long MaxJsonInteger = 9007199254740991;

    /// <summary>
    /// Largest root envelope (root.json, roots/N.json): 20 KiB, so a device's poll that walks to a new root stays
    /// within its heap bound (PROTOCOL.md section 11, "Heap").
    /// </summary>
    public const int MaxRootEnvelopeSize = 20480;

    /// <summary>Largest channel manifest envelope.</summary>
    public const int MaxChannelEnvelopeSize = 16384;

    /// <summary>Largest release approval envelope (section 6a; room for 16 signatures).</summary>
    public const int MaxApprovalEnvelopeSize = 4096;

    /// <summary>Most signatures one envelope may carry.</summary>
    public const int MaxSignatures = 16;

    /// <summary>Most keys in root metadata, most key ids in a role, and the largest threshold.</summary>
    public const int MaxRootKeys = 16;

    /// <summary>Most TLS trust anchors in root metadata.</summary>
    public const int MaxTlsAnchors = 8;

    /// <summary>Largest PEM certificate in <c>tlsAnchors</c>, in UTF-8 bytes.</summary>
    public const int MaxTlsAnchorSize = 4096;

    /// <summary>Most artifacts in one channel manifest.</summary>
    public const int MaxArtifacts = 8;

    /// <summary>Largest image (16 MiB).</summary>
    public const int MaxImageSize = 16777216;

    /// <summary>Longest <c>release.version</c> string.</summary>
    public const int MaxVersionLength = 64;

    /// <summary>Largest <c>release.securityVersion</c>.</summary>
    public const long MaxSecurityVersion = uint.MaxValue;

    /// <summary>Exact size of a wrapped content key file (section 8).</summary>
    public const int WrappedKeyFileSize = 57;
}
