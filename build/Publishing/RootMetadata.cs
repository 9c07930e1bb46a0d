namespace SecureOta.Build.Publishing;

/// <summary>
/// Root metadata to be written as the payload of docs/PROTOCOL.md section 5. The members
/// <c>type</c> and <c>spec</c> are fixed by the writer; key ids are computed from the public keys.
/// </summary>
/// <param name="Version">Root version, at least 1.</param>
/// <param name="Expires">Expiry, Unix time in seconds.</param>
/// <param name="Product">The product id ([a-z0-9-]{1,32}) every manifest and approval must name.</param>
/// <param name="PublicKeys">1 to 16 distinct Ed25519 public keys (32 bytes each), in output order.</param>
/// <param name="Root">The root role, which signs root metadata.</param>
/// <param name="Approval">The approval role (offline maintainers' keys), which approves releases.</param>
/// <param name="Release">The release role (the online CI key), which signs channel manifests.</param>
/// <param name="TlsAnchors">1 to 8 PEM root CA certificates, each at most 4096 bytes.</param>
/// <param name="Collector">The report collector devices send to, or null: then devices send no reports.</param>
public sealed record RootMetadata(
    long Version,
    long Expires,
    string Product,
    IReadOnlyList<byte[]> PublicKeys,
    RoleDefinition Root,
    RoleDefinition Approval,
    RoleDefinition Release,
    IReadOnlyList<string> TlsAnchors,
    RootCollector? Collector = null);
