using SecureOta.Device.Host.Http;

namespace SecureOta.Build.Fleet;

/// <summary>
/// The verdict on a site's TLS chain under a pin set, and what people need to act on it: the chain
/// as it was built (leaf first), the pinned CA it ends at (null when none), and the certificates of
/// that chain that expire within the warning window.
/// </summary>
public sealed record PinCheckReport(
    PinCheckResult Verdict,
    IReadOnlyList<string> Path,
    string? PinnedAnchor,
    IReadOnlyList<string> ExpiringSoon);
