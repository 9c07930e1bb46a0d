using SecureOta.Build.Site;

namespace SecureOta.Build.Context;

/// <summary>The deployed site's manifests (<c>--live-site</c>), read once for Encrypt (patches kept) and Sign (sequences).</summary>
public sealed partial class BuildContext
{
    private LiveManifests? _liveManifests;

    /// <summary>
    /// The live site's verified channel manifests, read on first use (after LoadReleases and LoadKeys, whose
    /// channels and newest root it needs); <see cref="LiveManifests.None"/> without <c>--live-site</c>. Reading
    /// them once keeps the sequences and the kept patches consistent with one and the same live manifest.
    /// </summary>
    public LiveManifests LiveManifests
    {
        get
        {
            if (_liveManifests is null)
            {
                var location = LiveManifests.Location(GetArgument(LiveManifests.Argument), Environment.WorkingDirectory);
                _liveManifests = LiveManifests.Read(Releases.Channels.Keys, Keys.Roots.Newest, location);
                foreach (var note in _liveManifests.Notes) Log.Warning("{0}.", note);
            }
            return _liveManifests;
        }
    }
}
