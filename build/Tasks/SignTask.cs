using System.Security.Cryptography;
using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Build.Publishing;
using SecureOta.Build.Releases;
using SecureOta.Build.Site;

namespace SecureOta.Build.Tasks;

/// <summary>
/// Writes and signs one channel manifest (docs/PROTOCOL.md section 6) per channel that has a release,
/// targeting the channel's newest release. issued = sequence = the build's "now", so every deploy
/// (and every scheduled re-sign) gets a higher sequence; it expires after the channel's lifetime.
/// </summary>
[TaskName("Sign")]
[TaskDescription("Signs a channel manifest for the newest release of each channel with the release keys.")]
[IsDependentOn(typeof(WrapKeysTask))]
public sealed class SignTask : FrostingTask<BuildContext>
{
    /// <summary>Full rollout: staged rollouts are a later feature; the policy is already in the format.</summary>
    private const int RolloutPercent = 100;

    public override void Run(BuildContext context)
    {
        var releases = context.Releases;
        var secret = context.Keys.BuildSecret;
        try
        {
            var signed = new List<SignedChannel>();
            foreach (var (name, channel) in releases.Channels)
            {
                var latest = releases.LatestIn(name);
                if (latest is null)
                {
                    context.Log.Warning("Channel '{0}' is declared in channels.json but has no release: no manifest is published for it.", name);
                    continue;
                }

                signed.Add(Sign(context, secret, channel, latest));
            }

            context.SignedChannels = signed;
            context.Log.Information("Signed {0} channel manifest(s) with {1} release key(s): {2}.", signed.Count, context.Keys.ReleaseSigners.Count,
                signed.Count == 0 ? "none" : string.Join(", ", signed.Select(s => $"{s.Channel} -> {s.Release.Version}")));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    private static SignedChannel Sign(BuildContext context, byte[] secret, ChannelConfig channel, Release release)
    {
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
            new RolloutPolicy(RolloutPercent, ContentKeyDerivation.RolloutSalt(secret, channel.Name, version)));
        try
        {
            var envelope = EnvelopeSigner.Sign(PayloadTypes.Channel, ChannelManifestWriter.Write(manifest), context.Keys.ReleaseSigners);
            context.Log.Verbose("  {0}: {1}, sequence {2}, expires {3:u}, {4} bytes", channel.Name, version, issued,
                DateTimeOffset.FromUnixTimeSeconds(manifest.Expires), envelope.Length);
            return new SignedChannel(channel.Name, release, manifest, envelope);
        }
        catch (ProtocolLimitException exception)
        {
            throw new BuildException(BuildErrorCode.ProtocolLimitExceeded,
                $"The manifest of channel '{channel.Name}' for release {version} breaks a protocol rule: {exception.Message}",
                "Change the release so that it fits the limits of docs/PROTOCOL.md sections 6 and 11.", exception);
        }
    }
}
