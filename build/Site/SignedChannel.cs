using SecureOta.Build.Publishing;
using SecureOta.Build.Releases;

namespace SecureOta.Build.Site;

/// <summary>What the Sign task made of one channel: its manifest and the signed DSSE envelope devices poll.</summary>
/// <param name="Channel">The channel's name.</param>
/// <param name="Release">The channel's newest release, which the manifest targets.</param>
/// <param name="Manifest">The manifest's content.</param>
/// <param name="Envelope">The DSSE envelope bytes published as <c>channels/&lt;channel&gt;.json</c>.</param>
public sealed record SignedChannel(string Channel, Release Release, ChannelManifest Manifest, byte[] Envelope);
