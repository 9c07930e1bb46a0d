using SecureOta.Build.Fleet;
using SecureOta.Build.Publishing;
using SecureOta.Build.Releases;

namespace SecureOta.Build.Site;

/// <summary>What the Sign task made of one channel: its manifest and the signed DSSE envelope devices poll.</summary>
/// <param name="Channel">The channel's name.</param>
/// <param name="Target">The release the manifest targets and the rollout that chose it.</param>
/// <param name="Manifest">The manifest's content.</param>
/// <param name="Envelope">The DSSE envelope bytes published as <c>channels/&lt;channel&gt;.json</c>.</param>
public sealed record SignedChannel(string Channel, ChannelTarget Target, ChannelManifest Manifest, byte[] Envelope)
{
    /// <summary>The release the manifest targets: the channel's newest, or the pinned one of a halted rollout.</summary>
    public Release Release => Target.Release;
}
