using System.Globalization;
using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Build.Gate;
using SecureOta.Build.Releases;
using SecureOta.Build.Samples;

namespace SecureOta.Build.Tasks;

/// <summary>
/// The rollout gate, run before Encrypt so that the manifests, their patches and the dashboard follow its
/// decisions (docs/OPERATIONS.md, "The rollout gate"). On with <c>--rollout-gate</c> or
/// <c>--collector-summary</c> (the scheduled refresh passes them): for each channel with a
/// <c>rolloutPolicy</c> it reads the current step from the live manifest (<c>--live-site</c>) and the
/// devices' outcomes from the collector's summary, then widens one step, holds or halts back to the previous
/// release, in memory for this build only, and logs why. It publishes its record with the site
/// (<see cref="GateRecord.SitePath"/>). Off (every other build), it changes nothing; it only carries a live
/// record forward so the decisions so far stay on the dashboard.
/// </summary>
[TaskName("RolloutGate")]
[TaskDescription("Widens, holds or halts each channel with a rolloutPolicy from the collector's summary (--rollout-gate, --collector-summary=<URL or file>, token in SECUREOTA_COLLECTOR_TOKEN) and the --live-site manifests; publishes the decisions with the site.")]
[IsDependentOn(typeof(LoadReleasesTask))]
[IsDependentOn(typeof(LoadKeysTask))]
public sealed class RolloutGateTask : FrostingTask<BuildContext>
{
    public const string EnableArgument = "rollout-gate";

    /// <summary>A summary older than this is not acted on: a collector that stopped counting must not keep widening.</summary>
    public static readonly TimeSpan MaxSummaryAge = TimeSpan.FromHours(48);

    public override void Run(BuildContext context)
    {
        // The gate acts on the releases this build publishes; a DEMO build of an empty releases/ uses the samples.
        SampleReleaseGuard.UseSamplesInEmptyDemoBuild(context);
        var notes = new List<string>();
        var liveSite = Site.LiveManifests.Location(context.GetArgument(Site.LiveManifests.Argument), context.Environment.WorkingDirectory);
        var liveRecord = LiveGateRecord.Read(liveSite, notes);
        foreach (var note in notes) context.Log.Warning("{0}.", note);
        var releases = context.Releases;
        if (!context.GetFlag(EnableArgument) && !context.HasArgument(CollectorSummarySource.Argument))
        {
            if (liveRecord is not null)
            {
                context.GateRecord = GateRecordComposer.Compose(context.Now, releases, new Dictionary<string, GateDecision>(), liveRecord,
                    new SummaryLoad(null, "the rollout gate did not run in this build (a tag deploy): channels.json as written", "none"));
                context.Log.Verbose("Rollout gate off: the live record's decisions are published again.");
            }
            return;
        }

        var summary = LoadSummary(context);
        if (summary.Summary is not null)
        {
            context.Log.Information("Rollout gate: collector summary from {0}, generated {1:u}.", summary.Source, summary.Summary.Generated);
        }
        else
        {
            context.Log.Warning("Rollout gate: {0}; every channel with a rolloutPolicy holds.", summary.Problem);
        }

        var live = context.LiveManifests.Verified.Select(LiveChannelTarget.From).OfType<LiveChannelTarget>().ToDictionary(t => t.Channel);
        var configs = new List<ChannelConfig>();
        var decisions = new Dictionary<string, GateDecision>(StringComparer.Ordinal);
        foreach (var (name, config) in releases.Channels)
        {
            var outcome = RolloutGate.Decide(config, releases.InChannel(name), live.GetValueOrDefault(name), liveRecord?.Channel(name), summary, context.Now);
            configs.Add(outcome.Config);
            if (outcome.Decision is not { } decision) continue;
            decisions[name] = decision;
            var line = "Rollout gate: " + decision.Describe();
            if (decision.Verdict == GateVerdict.Halt) context.Log.Warning("{0}", line);
            else context.Log.Information("{0}", line);
        }

        if (decisions.Count == 0)
        {
            context.Log.Information("Rollout gate: no channel has a rolloutPolicy in channels.json; nothing to decide.");
        }

        context.Releases = new ReleaseSet(releases.ReleasesDir, releases.Releases, configs);
        context.GateRecord = GateRecordComposer.Compose(context.Now, context.Releases, decisions, liveRecord, summary);
    }

    private static SummaryLoad LoadSummary(BuildContext context)
    {
        var timeout = CollectorSummarySource.DefaultTimeout;
        if (context.GetArgument(CollectorSummarySource.TimeoutArgument) is { } seconds)
        {
            timeout = int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s is >= 1 and <= 600
                ? TimeSpan.FromSeconds(s)
                : throw new BuildException(BuildErrorCode.InvalidArgument, $"--{CollectorSummarySource.TimeoutArgument}={seconds} is not a whole number of seconds from 1 to 600.",
                    $"Give --{CollectorSummarySource.TimeoutArgument}=<seconds>, or leave it out for {CollectorSummarySource.DefaultTimeout.TotalSeconds:0}.");
        }

        var maxBytes = CollectorSummarySource.DefaultMaxBytes;
        if (context.GetArgument(CollectorSummarySource.MaxBytesArgument) is { } bytes)
        {
            maxBytes = int.TryParse(bytes, NumberStyles.None, CultureInfo.InvariantCulture, out var b) && b is >= 64 and <= 64 << 20
                ? b
                : throw new BuildException(BuildErrorCode.InvalidArgument, $"--{CollectorSummarySource.MaxBytesArgument}={bytes} is not a byte count from 64 to {64 << 20}.",
                    $"Give --{CollectorSummarySource.MaxBytesArgument}=<bytes>, or leave it out for {CollectorSummarySource.DefaultMaxBytes}.");
        }

        var location = context.GetArgument(CollectorSummarySource.Argument);
        if (location is not null && !location.Contains("://", StringComparison.Ordinal) && location.Length > 0)
        {
            location = Path.GetFullPath(location, context.Environment.WorkingDirectory);
        }

        var load = CollectorSummarySource.Load(location, context.Environment.GetEnvironmentVariable(CollectorSummarySource.TokenVariable), timeout, maxBytes);
        if (load.Summary is { } summary && summary.Generated < context.Now - MaxSummaryAge)
        {
            return new SummaryLoad(null, $"the summary from {load.Source} was generated {summary.Generated:u}, more than {MaxSummaryAge.TotalHours:0} h before this build; "
                + "is the collector still receiving reports?", load.Source);
        }

        return load;
    }
}
