namespace SecureOta.Build.Verification;

/// <summary>Where the content key that decrypted a release's artifact came from.</summary>
public enum ContentKeyOrigin
{
    /// <summary>No key could be obtained: the artifact's records were not decrypted (a problem is reported).</summary>
    None,

    /// <summary>Unwrapped from the release's wrapped key file with a recipient private key, as a device does (K1-K4).</summary>
    Unwrapped,

    /// <summary>The key the build derived (PROTOCOL.md section 10): no recipient private key was available.</summary>
    BuildKey,
}
