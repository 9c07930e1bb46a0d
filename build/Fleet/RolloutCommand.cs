using System.Globalization;
using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Build.Releases;

namespace SecureOta.Build.Fleet;

/// <summary>
/// What the Rollout, Pause, Resume and Halt targets share: find <c>--channel</c>, apply one
/// <see cref="RolloutEditor"/> rule, rewrite releases/channels.json (only when it changes) and print
/// the before/after table, the consequences for devices and the next step.
/// </summary>
public static class RolloutCommand
{
    public const string ChannelArgument = "channel";
    public const string PercentArgument = "percent";
    public const string ReleaseArgument = "release";

    public static RolloutChange Run(BuildContext context, Func<ChannelConfig, IReadOnlyList<Release>, RolloutChange> edit)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(edit);
        var releasesDir = context.Paths.ReleasesDir;
        var channels = ChannelsFileStore.Load(releasesDir, Path.GetDirectoryName(releasesDir) ?? releasesDir).ToList();
        var name = Channel(context, channels);
        var index = channels.FindIndex(c => c.Name == name);
        var change = edit(channels[index], context.Releases.InChannel(name));

        var file = context.Paths.Display(ChannelsFileStore.PathIn(releasesDir));
        bool written = false;
        if (change.Changed)
        {
            channels[index] = channels[index].WithRollout(change.After);
            written = ChannelsFileStore.Save(releasesDir, channels);
        }

        context.Log.Information(SummaryTable.Render(SummaryTable.Create("Channel", "Before", "After", ">Published %")
            .Row(name, change.Before?.Describe() ?? "none (newest release to every device)",
                change.After?.Describe() ?? "none", (change.After?.PublishedPercent ?? RolloutConfig.MaxPercent).ToString(CultureInfo.InvariantCulture))));
        foreach (var consequence in change.Consequences)
        {
            context.Log.Information("  {0}", consequence);
        }

        if (written)
        {
            context.Log.Information("Wrote {0}. Next: review and merge it in a pull request; it takes effect on the next deploy " +
                "(push a new v* tag on the merged commit, for example v{1}+rollout.1: the daily refresh re-signs the newest tag, not the branch).",
                file, change.After?.Release.ToString() ?? "X.Y.Z");
        }
        else
        {
            context.Log.Information("{0} is unchanged.", file);
        }

        return change;
    }

    /// <summary><c>--percent=N</c> (0 to 100, a trailing '%' allowed).</summary>
    public static int Percent(BuildContext context)
    {
        var text = context.GetArgument(PercentArgument);
        if (text is null)
        {
            throw new BuildException(BuildErrorCode.InvalidArgument, "--percent is required: the share of devices to offer the release to.",
                "Give --percent=<0 to 100>, for example --percent=10 to start, --percent=100 for every device.");
        }

        var digits = text.EndsWith('%') ? text[..^1] : text;
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var percent) || percent > RolloutConfig.MaxPercent)
        {
            throw new BuildException(BuildErrorCode.InvalidArgument, $"--percent={text} is not a whole number from 0 to 100.",
                "Give --percent=<0 to 100>, for example --percent=10.");
        }

        return percent;
    }

    /// <summary><c>--release=X.Y.Z</c>, or null when absent.</summary>
    public static SemVersion? Release(BuildContext context)
    {
        var text = context.GetArgument(ReleaseArgument);
        if (text is null) return null;
        return SemVersion.TryParse(text, out var version)
            ? version
            : throw new BuildException(BuildErrorCode.InvalidArgument, $"--release={text} is not a release version.",
                "Give the version exactly as its folder under releases/ is named, without a 'v' prefix (for example --release=1.1.0).");
    }

    private static string Channel(BuildContext context, IReadOnlyList<ChannelConfig> channels)
    {
        var name = context.GetArgument(ChannelArgument);
        var declared = string.Join(", ", channels.Select(c => c.Name));
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new BuildException(BuildErrorCode.InvalidArgument, "--channel is required: which channel's rollout to change.",
                $"Give --channel=<name>; declared channels: {declared}.");
        }

        return channels.Any(c => c.Name == name)
            ? name
            : throw new BuildException(BuildErrorCode.InvalidArgument, $"--channel={name} is not declared in releases/{ReleaseLimits.ChannelsFileName}.",
                $"Use one of: {declared}.");
    }
}
