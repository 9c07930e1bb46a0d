namespace SecureOta.Build.Releases;

/// <summary>
/// Reads a channel's optional <c>rollout</c> object in <c>channels.json</c>:
/// <c>{"release": "1.2.0", "percent": 10, "state": "active|paused|halted", "pinned": "1.1.0"}</c>,
/// where <c>pinned</c> is present exactly when the state is <c>halted</c>. Whether the versions name
/// releases of the channel is checked with the releases (<see cref="RolloutChecks"/>).
/// </summary>
internal static class RolloutConfigReader
{
    public const string PropertyName = "rollout";

    private static readonly string[] Properties = ["release", "percent", "state", "pinned"];

    /// <summary>
    /// False (after reporting) when the rollout is present but invalid; true with a null
    /// <paramref name="rollout"/> when the channel has none (or <paramref name="channel"/> is itself null).
    /// </summary>
    public static bool TryRead(StrictJsonObject? channel, Action<string> report, out RolloutConfig? rollout)
    {
        rollout = null;
        if (channel?.Get(PropertyName, required: false) is not { } element)
        {
            return true;
        }

        var path = channel.PathOf(PropertyName);
        var settings = StrictJsonObject.From(element, path, Properties, report);
        if (settings is null)
        {
            return false;
        }

        var release = Version(settings, "release", required: true, report);
        var percent = settings.RequiredInt32("percent", RolloutConfig.MinPercent, RolloutConfig.MaxPercent);
        var stateText = settings.RequiredString("state");
        RolloutState? state = null;
        if (stateText is not null)
        {
            if (RolloutConfig.TryParseState(stateText, out var parsed)) state = parsed;
            else report($"{settings.PathOf("state")}: \"{stateText}\" is not a rollout state; use active, paused or halted");
        }

        var hasPinned = settings.Get("pinned", required: false) is not null;
        var pinned = Version(settings, "pinned", required: false, report);
        if (state is { } known && (known == RolloutState.Halted) != hasPinned)
        {
            report(known == RolloutState.Halted
                ? $"{path}: a halted rollout needs \"pinned\", the earlier release devices get instead (./build.sh --target=Halt writes it)"
                : $"{path}: \"pinned\" is only for a halted rollout; remove it, or set \"state\": \"halted\"");
            return false;
        }

        if (release is null || percent is null || state is null || (hasPinned && pinned is null))
        {
            return false;
        }

        if (pinned is not null && pinned.CompareTo(release) >= 0)
        {
            report($"{settings.PathOf("pinned")}: {pinned} is not earlier than the withdrawn release {release}; pin an earlier release of the channel");
            return false;
        }

        rollout = new RolloutConfig(release, percent.Value, state.Value, pinned);
        return true;
    }

    private static SemVersion? Version(StrictJsonObject settings, string name, bool required, Action<string> report)
    {
        var text = required ? settings.RequiredString(name) : settings.Get(name, required: false) is null ? null : settings.RequiredString(name);
        if (text is null)
        {
            return null;
        }

        if (SemVersion.TryParse(text, out var version))
        {
            return version;
        }

        report($"{settings.PathOf(name)}: \"{text}\" is not a release version (SemVer 2.0, no 'v' prefix)");
        return null;
    }
}
