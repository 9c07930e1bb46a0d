using SecureOta.Build.Releases;

namespace SecureOta.Build.Context;

/// <summary>The release inputs, loaded and validated once by the LoadReleases task.</summary>
public sealed partial class BuildContext
{
    private ReleaseSet? _releases;

    /// <summary>True once LoadReleases has run.</summary>
    public bool HasReleases => _releases is not null;

    /// <summary>
    /// The validated releases. Reading it before LoadReleases ran is a defect in the reading task:
    /// declare <c>[IsDependentOn(typeof(LoadReleasesTask))]</c>.
    /// </summary>
    public ReleaseSet Releases
    {
        get => _releases ?? throw new InvalidOperationException(
            "Releases are not loaded: the task reading them must declare [IsDependentOn(typeof(LoadReleasesTask))].");
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _releases = value;
        }
    }
}
