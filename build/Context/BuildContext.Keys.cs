using SecureOta.Build.Keys;

namespace SecureOta.Build.Context;

/// <summary>The keys of this build, resolved once by the LoadKeys task.</summary>
public sealed partial class BuildContext
{
    private KeyMaterial? _keys;

    /// <summary>True once LoadKeys has run.</summary>
    public bool HasKeys => _keys is not null;

    /// <summary>
    /// The build's keys. Reading them before LoadKeys ran is a defect in the reading task:
    /// declare <c>[IsDependentOn(typeof(LoadKeysTask))]</c>.
    /// </summary>
    public KeyMaterial Keys
    {
        get => _keys ?? throw new InvalidOperationException(
            "Keys are not loaded: the task reading them must declare [IsDependentOn(typeof(LoadKeysTask))].");
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _keys = value;
        }
    }

    /// <summary>
    /// True when this run must use real keys and refuse DEMO ones: the Release target, or
    /// <c>--require-release-key</c>.
    /// </summary>
    public bool RequiresReleaseKey =>
        string.Equals(GetArgument("target") ?? "Default", "Release", StringComparison.OrdinalIgnoreCase)
        || GetFlag("require-release-key");
}
