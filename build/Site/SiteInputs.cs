using SecureOta.Build.Keys;

namespace SecureOta.Build.Site;

/// <summary>Everything the site is composed from, gathered from the tasks before WriteSite.</summary>
/// <param name="BuiltAt">The build's "now": the only time that may appear in the site.</param>
/// <param name="IsDemo">True when DEMO keys signed it; the dashboard says so.</param>
/// <param name="Roots">Every root version (envelopes and the newest verified root).</param>
/// <param name="Releases">Every release's encrypted artifact, oldest first.</param>
/// <param name="WrappedKeys">Every release's wrapped content keys, oldest first.</param>
/// <param name="Channels">The signed channel manifests, by channel name.</param>
/// <param name="ChannelsWithoutRelease">Declared channels with no release yet (no manifest is published for them).</param>
/// <param name="RolloutGate">The rollout gate's record to publish and show (null: no gate, no section).</param>
public sealed record SiteInputs(
    DateTimeOffset BuiltAt,
    bool IsDemo,
    RootHistory Roots,
    IReadOnlyList<EncryptedRelease> Releases,
    IReadOnlyList<WrappedReleaseKeys> WrappedKeys,
    IReadOnlyList<SignedChannel> Channels,
    IReadOnlyList<string> ChannelsWithoutRelease,
    SecureOta.Build.Gate.GateRecord? RolloutGate = null);
