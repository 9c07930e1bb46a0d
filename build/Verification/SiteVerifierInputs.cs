namespace SecureOta.Build.Verification;

/// <summary>What <see cref="SiteVerifier"/> verifies a site with: everything a device would hold, and what the build knows.</summary>
public sealed record SiteVerifierInputs
{
    /// <summary>The site folder (it holds <c>ota/v2/</c>, <c>index.html</c>, ...).</summary>
    public required string SiteDir { get; init; }

    /// <summary>The root version 1 envelope devices are provisioned with (the build's <c>RootHistory.Envelope(1)</c>).</summary>
    public required byte[] ProvisionedRoot { get; init; }

    /// <summary>The time to check expiry against (R8, C8): the build's "now".</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>Recipient private keys to unwrap content keys with (the DEMO device key, <c>--device-key</c> files).</summary>
    public IReadOnlyList<SiteRecipient> RecipientKeys { get; init; } = [];

    /// <summary>
    /// The content keys the build derived, by release version: used for a release none of
    /// <see cref="RecipientKeys"/> can unwrap (a real build, where no device private key is at hand).
    /// </summary>
    public IReadOnlyDictionary<string, byte[]> BuildContentKeys { get; init; } = new Dictionary<string, byte[]>();

    /// <summary>
    /// Ids of the recipients every release a manifest names must be wrapped for (keys/recipients.json,
    /// plus the DEMO device in a DEMO build). When given, a wrapped key for any other id in such a
    /// release is reported (a removed recipient must not keep access). Null: no such check.
    /// </summary>
    public IReadOnlyCollection<string>? RegisteredRecipientIds { get; init; }

    /// <summary>
    /// Image files delta patches may apply to (every release's image under releases/): each patch a manifest
    /// lists is applied to the one whose imageDigest is its baseDigest. A patch whose base is not among them is a problem (S8).
    /// </summary>
    public IReadOnlyList<string> BaseImages { get; init; } = [];

    /// <summary>Channels that must have a manifest (those with at least one release).</summary>
    public IReadOnlyCollection<string> ExpectedChannels { get; init; } = [];
}
