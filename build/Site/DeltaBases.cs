using SecureOta.Build.Fleet;
using SecureOta.Build.Publishing;
using SecureOta.Build.Releases;

namespace SecureOta.Build.Site;

/// <summary>
/// Which releases get a delta patch to a channel's target (docs/PROTOCOL.md section 11a): the channel's
/// <see cref="ChannelConfig.DeltaBaseCount"/> releases just before the target, newest first
/// (<see cref="ReleaseSet.DeltaBases"/> when the target is the newest release). When a rollout is halted,
/// the withdrawn releases after the pinned one come first (newest first), so devices that installed them
/// go back by patch rather than by the full image, except those above the pinned release's security
/// version (they refuse it anyway, C9), then the releases before the pinned one; at most <see cref="MaxPerManifest"/>.
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
            var withdrawn = inChannel.Skip(index + 1).Reverse().Where(r => r.SecurityVersion <= target.Release.SecurityVersion);
            bases = withdrawn.Concat(inChannel.Take(index).Reverse().Take(releases.Channels[target.Channel].DeltaBaseCount));
        }
        return bases.Take(MaxPerManifest).ToList();
    }
}
