using SecureOta.Build.Fleet;
using SecureOta.Build.Publishing;
using SecureOta.Build.Releases;

namespace SecureOta.Build.Site;

/// <summary>
/// Which releases get a delta patch to a channel's target (docs/PROTOCOL.md section 11a): the channel's
/// <see cref="ChannelConfig.DeltaBaseCount"/> releases just before the target, newest first
/// (<see cref="ReleaseSet.DeltaBases"/> when the target is the newest release; the releases before the
/// pinned one when a rollout is halted), at most <see cref="MaxPerManifest"/>.
/// </summary>
public static class DeltaBases
{
    /// <summary>The most patches one manifest lists beside its full image (section 11: 8 artifacts).</summary>
    public const int MaxPerManifest = ProtocolLimits.MaxArtifacts - 1;

    public static IReadOnlyList<Release> For(ReleaseSet releases, ChannelTarget target)
    {
        ArgumentNullException.ThrowIfNull(releases);
        ArgumentNullException.ThrowIfNull(target);
        IEnumerable<Release> bases;
        if (target.Release == target.Newest)
        {
            bases = releases.DeltaBases(target.Channel);
        }
        else
        {
            var inChannel = releases.InChannel(target.Channel);
            int index = inChannel.IndexOf(target.Release);
            bases = inChannel.Take(index).Reverse().Take(releases.Channels[target.Channel].DeltaBaseCount);
        }
        return bases.Take(MaxPerManifest).ToList();
    }
}
