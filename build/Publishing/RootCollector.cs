namespace SecureOta.Build.Publishing;

/// <summary>
/// The optional <c>collector</c> member of root metadata (docs/PROTOCOL.md section 5): where devices send
/// their reports (section 11d) and how they authenticate them and the collector's host.
/// </summary>
/// <param name="Url">The collector's https base URL, ending in "/"; devices post to <c>&lt;Url&gt;v1/reports</c>.</param>
/// <param name="Key">The collector's X25519 public key (32 bytes): with each device's key it makes that device's report MAC key.</param>
/// <param name="TlsAnchors">1 to 8 PEM root CA certificates devices trust for the collector's host only.</param>
public sealed record RootCollector(string Url, byte[] Key, IReadOnlyList<string> TlsAnchors);
