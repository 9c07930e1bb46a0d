using System.Collections.Immutable;

namespace SecureOta.Build.Releases;

/// <summary>
/// Every release and channel, validated as a whole: versions unique, channels declared, and security
/// versions never decreasing along a channel. Immutable; releases are always in SemVer precedence order.
/// </summary>
public sealed class ReleaseSet
{
    public ReleaseSet(string releasesDir, IEnumerable<Release> releases, IEnumerable<ChannelConfig> channels)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(releasesDir);
        ArgumentNullException.ThrowIfNull(releases);
        ArgumentNullException.ThrowIfNull(channels);
        ReleasesDir = releasesDir;
        Releases = [.. releases.OrderBy(r => r.Version)];
        Channels = channels.ToImmutableSortedDictionary(c => c.Name, c => c, StringComparer.Ordinal);
        ByChannel = Channels.Keys.ToImmutableSortedDictionary(
            name => name,
            name => Releases.Where(r => r.IsIn(name)).ToImmutableArray(),
            StringComparer.Ordinal);
        foreach (var release in Releases)
        {
            var undeclared = release.Channels.FirstOrDefault(c => !Channels.ContainsKey(c));
            if (undeclared is not null)
            {
                throw new ArgumentException($"Release {release.Version} names undeclared channel '{undeclared}'.", nameof(releases));
            }
        }
    }

    /// <summary>The folder the releases were loaded from (absolute path).</summary>
    public string ReleasesDir { get; }

    /// <summary>All releases, oldest first by SemVer precedence.</summary>
    public ImmutableArray<Release> Releases { get; }

    /// <summary>Every declared channel by name (ordinal order), including channels with no release yet.</summary>
    public ImmutableSortedDictionary<string, ChannelConfig> Channels { get; }

    /// <summary>Each declared channel's releases, oldest first.</summary>
    public ImmutableSortedDictionary<string, ImmutableArray<Release>> ByChannel { get; }

    /// <summary>The releases of <paramref name="channel"/>, oldest first. Throws for an undeclared channel.</summary>
    public ImmutableArray<Release> InChannel(string channel) =>
        ByChannel.TryGetValue(channel, out var releases)
            ? releases
            : throw new ArgumentException($"Channel '{channel}' is not declared in channels.json.", nameof(channel));

    /// <summary>The newest release of <paramref name="channel"/>, or null when it has none yet.</summary>
    public Release? LatestIn(string channel)
    {
        var releases = InChannel(channel);
        return releases.IsEmpty ? null : releases[^1];
    }

    /// <summary>
    /// The releases of <paramref name="channel"/> that get a delta patch to its newest release: the
    /// channel's <see cref="ChannelConfig.DeltaBaseCount"/> releases just before it, newest first.
    /// </summary>
    public ImmutableArray<Release> DeltaBases(string channel)
    {
        var releases = InChannel(channel);
        var count = Math.Min(Channels[channel].DeltaBaseCount, Math.Max(0, releases.Length - 1));
        return [.. releases.Take(releases.Length - 1).Reverse().Take(count)];
    }

    public Release? Find(SemVersion version) => Releases.FirstOrDefault(r => r.Version.Equals(version));
}
