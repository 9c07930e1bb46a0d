using System.Security.Cryptography;
using SecureOta.Build.Context;
using SecureOta.Build.Fleet;
using SecureOta.Build.Frosting;
using SecureOta.Build.Keys;
using SecureOta.Build.Publishing;
using SecureOta.Build.Releases;
using SecureOta.Build.Site;

namespace SecureOta.Build.Tasks;

/// <summary>
/// Encrypts every release's image into its hash-chained full artifact (docs/PROTOCOL.md section 7), and
/// for each channel's target release the delta patches to it from the channel's earlier releases
/// (section 11a, <see cref="DeltaBases"/>), each its own hash-chained artifact under the target's
/// content key. Every release's full artifact, not only the newest of each channel: all blobs stay
/// published, so a device that read an older manifest during a deploy still finds its blob. With
/// <c>--live-site</c> the patches the live manifests list are made again and published too
/// (<see cref="KeptPatchWriter"/>, section 11a.1), so a device that read the previous manifest just before
/// this deploy still gets its patch; without it they are gone and such a device downloads the full image.
/// The content key and ivs are derived from the content-key secret (section 10), so the same inputs and
/// keys give the same blob names, which is what lets a later deploy make a live patch again byte for byte.
/// </summary>
[TaskName("Encrypt")]
[TaskDescription("Encrypts every release image into its hash-chained artifact (blobs/<sha256>), the delta patches to each channel's target from its last releases, and again those the --live-site manifests list.")]
[IsDependentOn(typeof(LoadReleasesTask))]
[IsDependentOn(typeof(LoadKeysTask))]
// The gate may change a channel's target (a halt pins the previous release), which decides the patches.
[IsDependentOn(typeof(RolloutGateTask))]
public sealed class EncryptTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        // Here, once the keys are known: only a DEMO build may fall back to the samples, only a real one must refuse them.
        Samples.SampleReleaseGuard.UseSamplesInEmptyDemoBuild(context);
        Samples.SampleReleaseGuard.RefuseSamplesWithRealKeys(context);
        var writer = new ChainedArtifactWriter();
        var secrets = context.Keys.ContentSecrets;
        var encrypted = context.Releases.Releases.Select(release => Encrypt(context, writer, secrets, release)).ToList();
        context.Log.Information("Encrypted {0} release(s): {1}.", encrypted.Count,
            encrypted.Count == 0 ? "none" : string.Join(", ", encrypted.Select(e => $"{e.Version} ({e.Full.Size} bytes)")));
        context.EncryptedReleases = KeepLivePatches(context, writer, secrets, AddDeltas(context, writer, secrets, encrypted));
    }

    /// <summary>The releases with the patches the live manifests list and this deploy does not make (none without --live-site).</summary>
    private static List<EncryptedRelease> KeepLivePatches(BuildContext context, ChainedArtifactWriter writer, ContentSecrets secrets, List<EncryptedRelease> encrypted)
    {
        var live = context.LiveManifests;
        if (live.Verified.Count == 0) return encrypted;
        var notes = new List<string>();
        var patches = live.Verified.SelectMany(m => LivePatch.ReadFrom(m, notes)).ToList();
        foreach (var note in notes) context.Log.Warning("{0}.", note);
        var outcomes = KeptPatchWriter.Write(patches, encrypted, release => ReadImage(context, release), secrets, writer);
        foreach (var dropped in outcomes.Where(o => o.Dropped is not null))
        {
            if (dropped.Unexpected)
                context.Log.Warning("The live '{0}' manifest's patch {1} is not published again: {2}; a device holding that manifest downloads the full image.",
                    dropped.Live.Channel, dropped.Live, dropped.Dropped!);
            else
                context.Log.Information("  The live '{0}' manifest's patch {1} is not published again: {2}.", dropped.Live.Channel, dropped.Live, dropped.Dropped!);
        }
        var kept = outcomes.Where(o => o.Delta is not null).ToList();
        context.Log.Information("Kept {0} patch(es) the live manifests list{1}", kept.Count,
            kept.Count == 0 ? "." : ": " + string.Join(", ", kept.Select(k => $"{k.Live} ({k.Live.Channel})")) + ".");
        return encrypted.Select(release => release with
        {
            KeptDeltas = kept.Where(k => ReferenceEquals(k.Target, release)).Select(k => k.Delta!).ToList(),
        }).ToList();
    }

    /// <summary>SemVer precedence, newest first; versions that differ only in build metadata are told apart by their text.</summary>
    private static readonly IComparer<Release> NewestFirst = Comparer<Release>.Create((a, b) =>
    {
        int byPrecedence = b.Version.CompareTo(a.Version);
        return byPrecedence != 0 ? byPrecedence : string.CompareOrdinal(b.Version.ToString(), a.Version.ToString());
    });

    private static byte[] ReadImage(BuildContext context, Release release)
    {
        try
        {
            return release.ReadImage();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new BuildException(BuildErrorCode.FileSystem,
                $"Could not read release {release.Version}'s image {context.Paths.Display(release.ImagePath)}: {exception.Message}",
                "Do not move or edit releases/ while a build runs; check the file's permissions and run the build again.", exception);
        }
    }

    private static EncryptedRelease Encrypt(BuildContext context, ChainedArtifactWriter writer, ContentSecrets secrets, Release release)
    {
        var version = release.Version.ToString();
        var image = ReadImage(context, release);
        var contentKey = secrets.ContentKey(version);
        try
        {
            var digests = writer.ComputeImageDigests(image);
            var iv = ContentKeyDerivation.ArtifactIvFromSha256(contentKey, digests.ImageSha256);
            var artifact = writer.Write(image, contentKey, iv);
            context.Log.Verbose("  {0}: {1} bytes -> {2} ({3} bytes)", version, image.Length, artifact.Path, artifact.Size);
            return new EncryptedRelease(release, digests, artifact, []);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(contentKey);
        }
    }

    /// <summary>
    /// The releases with the patches to every channel target from the union of its channels' bases
    /// (stable and beta on 1.2.0 share each patch), newest base first.
    /// </summary>
    private static List<EncryptedRelease> AddDeltas(BuildContext context, ChainedArtifactWriter writer, ContentSecrets secrets, List<EncryptedRelease> encrypted)
    {
        var releases = context.Releases;
        var basesByTarget = new Dictionary<Release, SortedSet<Release>>();
        foreach (var channel in releases.Channels.Keys)
        {
            var target = ChannelTargets.Plan(releases, channel);
            if (target is null) continue;
            if (!basesByTarget.TryGetValue(target.Release, out var bases))
            {
                bases = new SortedSet<Release>(NewestFirst);
                basesByTarget[target.Release] = bases;
            }
            bases.UnionWith(DeltaBases.For(releases, target));
            if (releases.Channels[channel].DeltaBaseCount > DeltaBases.MaxPerManifest)
            {
                context.Log.Warning("Channel '{0}' asks for patches from {1} releases; a manifest lists at most {2} beside the full image, so only the newest {2} get one.",
                    channel, releases.Channels[channel].DeltaBaseCount, DeltaBases.MaxPerManifest);
            }
        }

        var made = new List<string>();
        var result = new List<EncryptedRelease>(encrypted.Count);
        foreach (var release in encrypted)
        {
            if (!basesByTarget.TryGetValue(release.Release, out var bases) || bases.Count == 0)
            {
                result.Add(release);
                continue;
            }
            var inputs = bases.Select(b => (encrypted.Single(e => e.Release == b), ReadImage(context, b))).ToList();
            var contentKey = secrets.ContentKey(release.Version);
            try
            {
                var outcomes = DeltaPatchWriter.Write(release, ReadImage(context, release.Release), inputs, contentKey, writer);
                foreach (var outcome in outcomes)
                {
                    if (outcome.Delta is null)
                    {
                        context.Log.Information("  No patch {0} -> {1}: {2}.", outcome.Base.Version, release.Version, outcome.Skipped!);
                        continue;
                    }
                    var size = outcome.Delta.Artifact.Size;
                    made.Add(FormattableString.Invariant(
                        $"{outcome.Base.Version} -> {release.Version} ({size:N0} bytes, {100.0 * (release.Full.Size - size) / release.Full.Size:0.0} % smaller than the full image)"));
                    context.Log.Verbose("  patch {0} -> {1}: {2} bytes -> {3} ({4} bytes)", outcome.Base.Version, release.Version, outcome.PatchSize,
                        outcome.Delta.Artifact.Path, size);
                }
                result.Add(release with { Deltas = outcomes.Where(o => o.Delta is not null).Select(o => o.Delta!).ToList() });
            }
            finally
            {
                CryptographicOperations.ZeroMemory(contentKey);
            }
        }
        context.Log.Information("Made {0} delta patch(es){1}", made.Count, made.Count == 0 ? "." : ": " + string.Join(", ", made) + ".");
        return result;
    }
}
