using System.Security.Cryptography;
using SecureOta.Build.Context;
using SecureOta.Build.Fleet;
using SecureOta.Build.Frosting;
using SecureOta.Build.Publishing;
using SecureOta.Build.Releases;
using SecureOta.Build.Site;

namespace SecureOta.Build.Tasks;

/// <summary>
/// Writes and signs one channel manifest (docs/PROTOCOL.md section 6) per channel that has a release.
/// The target and <c>rollout.percent</c> come from the channel's rollout in releases/channels.json
/// (<see cref="ChannelTargets"/>): the newest release for every device when there is none, a staged
/// share of devices, 0 % while paused, or the pinned earlier release when halted. The salt is derived
/// per channel and release (PROTOCOL.md section 10), so widening a rollout keeps every device that was
/// in, and the next release samples devices afresh. issued = sequence = the build's "now", so every
/// deploy (and every scheduled re-sign) gets a higher sequence; it expires after the channel's lifetime.
/// </summary>
[TaskName("Sign")]
[TaskDescription("Signs a channel manifest for the newest release of each channel with the release keys.")]
[IsDependentOn(typeof(WrapKeysTask))]
public sealed class SignTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var releases = context.Releases;
        var secret = context.Keys.BuildSecret;
        try
        {
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

                signed.Add(Sign(context, secret, channel, target));
            }

            context.SignedChannels = signed;
            context.Log.Information("Signed {0} channel manifest(s) with {1} release key(s): {2}.", signed.Count, context.Keys.ReleaseSigners.Count,
                signed.Count == 0 ? "none" : string.Join(", ", signed.Select(Summary)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>"stable -> 1.2.0", with the rollout when the channel has one: "stable -> 1.2.0 (staged: 10 % of devices)".</summary>
    private static string Summary(SignedChannel signed) =>
        $"{signed.Channel} -> {signed.Release.Version}" + (signed.Target.Rollout is null ? "" : $" ({signed.Target.Describe()})");

    private static SignedChannel Sign(BuildContext context, byte[] secret, ChannelConfig channel, ChannelTarget target)
    {
        var release = target.Release;
        var version = release.Version.ToString();
        var encrypted = context.EncryptedReleases.Single(e => e.Release == release);
        var keyCheck = context.WrappedKeys.Single(w => w.Release == release).KeyCheck;
        var issued = context.Now.ToUnixTimeSeconds();
        var manifest = new ChannelManifest(
            channel.Name,
            Sequence: issued,
            Issued: issued,
            Expires: (context.Now + channel.ManifestLifetime).ToUnixTimeSeconds(),
            new ReleaseEntry(version, release.SecurityVersion, encrypted.Digests.ImageSize, encrypted.Digests.ImageDigest,
                encrypted.Digests.ImageSha256, keyCheck, [ArtifactEntry.From(encrypted.Full)]),
            new RolloutPolicy(target.Percent, ContentKeyDerivation.RolloutSalt(secret, channel.Name, version)));
        try
        {
            var envelope = EnvelopeSigner.Sign(PayloadTypes.Channel, ChannelManifestWriter.Write(manifest), context.Keys.ReleaseSigners);
            context.Log.Verbose("  {0}: {1} at {2} %, sequence {3}, expires {4:u}, {5} bytes", channel.Name, version, target.Percent, issued,
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
