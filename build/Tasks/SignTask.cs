using SecureOta.Build.Context;
using SecureOta.Build.Fleet;
using SecureOta.Build.Frosting;
using SecureOta.Build.Publishing;
using SecureOta.Build.Releases;
using SecureOta.Build.Site;

namespace SecureOta.Build.Tasks;

/// <summary>
/// Writes and signs one channel manifest (docs/PROTOCOL.md section 6) per channel that has a release,
/// listing the target's full artifact and its delta patches from the channel's earlier releases (section 11a).
/// The target and <c>rollout.percent</c> come from the channel's rollout in releases/channels.json
/// (<see cref="ChannelTargets"/>): the newest release for every device when there is none, a staged
/// share of devices, 0 % while paused, or the pinned earlier release when halted. The salt is derived
/// per product, channel and release from no secret (PROTOCOL.md section 10), so widening a rollout keeps
/// every device that was in, no key rotation changes a cohort, and the next release samples devices
/// afresh. The release's approval envelope (section 6a) is embedded. issued = the build's "now", which
/// may not be ahead of the build machine's clock (a manifest issued in the future would push devices'
/// floors ahead); sequence = the larger of issued and one more than the live site's manifest
/// (<c>--live-site</c>), so a rebuild signed at an older time or two deploys in one second still reach
/// devices. It expires after the channel's lifetime.
/// </summary>
[TaskName("Sign")]
[TaskDescription("Signs a channel manifest for the newest release of each channel with the release keys (--live-site=<url or folder> keeps sequences above the deployed ones).")]
[IsDependentOn(typeof(WrapKeysTask))]
[IsDependentOn(typeof(CheckApprovalsTask))]
public sealed class SignTask : FrostingTask<BuildContext>
{
    /// <summary>How far --now or SOURCE_DATE_EPOCH may be ahead of the build machine's clock.</summary>
    public static readonly TimeSpan MaxClockLead = TimeSpan.FromMinutes(5);

    public const string LiveSiteArgument = LiveManifests.Argument;

    public override void Run(BuildContext context)
    {
        CheckNotAheadOfClock(context);
        var releases = context.Releases;
        var published = PublishedSequences.From(context.LiveManifests);
        foreach (var note in published.Notes) context.Log.Warning("{0}.", note);
        var signed = new List<SignedChannel>();
        foreach (var (name, channel) in releases.Channels)
        {
            var target = ChannelTargets.Plan(releases, name);
            if (target is null)
            {
                context.Log.Warning("Channel '{0}' is declared in channels.json but has no release: no manifest is published for it.", name);
                continue;
            }

            if (target.Rollout?.State == RolloutState.Halted)
            {
                context.Log.Warning("Channel '{0}' is halted: {1} is withdrawn and the manifest targets {2}.", name, target.Newest.Version, target.Release.Version);
            }
            else
            {
                CheckNotBehindLive(context, target);
            }

            signed.Add(Sign(context, channel, target, NextSequence(context, channel.Name, published)));
        }

        context.SignedChannels = signed;
        context.Log.Information("Signed {0} channel manifest(s) with {1} release key(s): {2}.", signed.Count, context.Keys.ReleaseSigners.Count,
            signed.Count == 0 ? "none" : string.Join(", ", signed.Select(Summary)));
    }

    /// <summary>
    /// A deploy never moves a channel back to an older release than the live manifest names unless a Halt
    /// says so: rebuilding an older tag, or a release lost from releases/, would otherwise quietly send
    /// devices back (those at a higher security version refuse it; the others install it).
    /// </summary>
    private static void CheckNotBehindLive(BuildContext context, ChannelTarget target)
    {
        var live = context.LiveManifests.Verified.FirstOrDefault(m => m.Channel == target.Channel);
        if (live is null) return;
        string? liveVersion;
        try
        {
            using var payload = System.Text.Json.JsonDocument.Parse(live.Payload);
            liveVersion = payload.RootElement.GetProperty("release").GetProperty("version").GetString();
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return;
        }
        if (!SemVersion.TryParse(liveVersion, out var deployed) || target.Release.Version.CompareTo(deployed) >= 0) return;
        throw new BuildException(BuildErrorCode.ChannelWouldGoBack,
            $"Channel '{target.Channel}' would point at {target.Release.Version}, older than {deployed} on {live.Source}.",
            $"This build would move devices back (an older tag rebuilt, or {deployed} missing from releases/). Build the tag that has {deployed}; " +
            $"to withdraw {deployed} on purpose, run ./build.sh --target=Halt --channel={target.Channel}, which pins an earlier release and lets the build publish it.");
    }

    /// <summary>The build refuses to sign an issued time ahead of its own clock: devices with a synchronised clock would refuse it (C10), others would take it as their time floor.</summary>
    private static void CheckNotAheadOfClock(BuildContext context)
    {
        var clock = context.Environment.Clock.GetUtcNow();
        if (context.Now <= clock + MaxClockLead) return;
        var source = context.NowSource == Context.BuildTimeSource.Argument ? "--now" : Context.BuildTime.SourceDateEpochVariable;
        throw new BuildException(BuildErrorCode.ClockAhead,
            $"The build time {context.Now:u} (from {source}) is {(context.Now - clock).TotalMinutes:F0} minutes ahead of this machine's clock ({clock:u}).",
            $"Manifests issued in the future are refused by devices with a synchronised clock and would push the others' time floor ahead. " +
            $"Use a time at most {MaxClockLead.TotalMinutes:F0} minutes ahead of the clock (or none), or fix the machine's clock.");
    }

    /// <summary>issued, or one more than the live manifest when that is not below it; the log says which.</summary>
    private static long NextSequence(BuildContext context, string channel, PublishedSequences published)
    {
        long issued = context.Now.ToUnixTimeSeconds();
        if (published.Highest(channel) is not { } live || live.Sequence < issued) return issued;
        long next = live.Sequence + 1;
        context.Log.Information("Channel '{0}': sequence {1}, one more than {2}'s {3} (the build time alone gives {4}, which devices would ignore or refuse).",
            channel, next, live.Source, live.Sequence, issued);
        return next;
    }

    /// <summary>"stable -> 1.2.0", with the rollout when the channel has one: "stable -> 1.2.0 (staged: 10 % of devices)".</summary>
    private static string Summary(SignedChannel signed) =>
        $"{signed.Channel} -> {signed.Release.Version}" + (signed.Target.Rollout is null ? "" : $" ({signed.Target.Describe()})");

    /// <summary>
    /// The full image, then the patches from the channel's delta bases (newest first) that Encrypt
    /// published: a base whose patch was not smaller than the full image has none.
    /// </summary>
    private static List<ArtifactEntry> Artifacts(ReleaseSet releases, ChannelTarget target, EncryptedRelease encrypted)
    {
        var artifacts = new List<ArtifactEntry> { ArtifactEntry.From(encrypted.Full) };
        foreach (var baseRelease in DeltaBases.For(releases, target))
        {
            var delta = encrypted.Deltas.FirstOrDefault(d => d.Base == baseRelease);
            if (delta is not null) artifacts.Add(delta.ToEntry());
        }
        return artifacts;
    }

    private static SignedChannel Sign(BuildContext context, ChannelConfig channel, ChannelTarget target, long sequence)
    {
        var release = target.Release;
        var version = release.Version.ToString();
        var encrypted = context.EncryptedReleases.Single(e => e.Release == release);
        var keyCheck = context.WrappedKeys.Single(w => w.Release == release).KeyCheck;
        var issued = context.Now.ToUnixTimeSeconds();
        var product = context.Keys.Product;
        var manifest = new ChannelManifest(
            product,
            channel.Name,
            Sequence: sequence,
            Issued: issued,
            Expires: (context.Now + channel.ManifestLifetime).ToUnixTimeSeconds(),
            new ReleaseEntry(version, release.SecurityVersion, encrypted.Digests.ImageSize, encrypted.Digests.ImageDigest,
                encrypted.Digests.ImageSha256, keyCheck, Artifacts(context.Releases, target, encrypted), context.Approvals[release]),
            new RolloutPolicy(target.Percent, ContentKeyDerivation.RolloutSalt(product, channel.Name, version)));
        try
        {
            var envelope = EnvelopeSigner.Sign(PayloadTypes.Channel, ChannelManifestWriter.Write(manifest), context.Keys.ReleaseSigners);
            context.Log.Verbose("  {0}: {1} at {2} %, sequence {3}, expires {4:u}, {5} bytes", channel.Name, version, target.Percent, sequence,
                DateTimeOffset.FromUnixTimeSeconds(manifest.Expires), envelope.Length);
            return new SignedChannel(channel.Name, target, manifest, envelope);
        }
        catch (ProtocolLimitException exception)
        {
            throw new BuildException(BuildErrorCode.ProtocolLimitExceeded,
                $"The manifest of channel '{channel.Name}' for release {version} breaks a protocol rule: {exception.Message}",
                "Change the release so that it fits the limits of docs/PROTOCOL.md sections 6 and 11.", exception);
        }
    }
}
