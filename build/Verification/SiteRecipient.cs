using SecureOta.Device.Core.Keys;

namespace SecureOta.Build.Verification;

/// <summary>
/// A recipient private key the verifier may unwrap content keys with, as the device core's
/// <see cref="RecipientKey"/> (which keeps the private key inside), and a name for the summary such as
/// "DEMO device key". No private key bytes are ever printed.
/// </summary>
public sealed record SiteRecipient(string Name, RecipientKey Key);
