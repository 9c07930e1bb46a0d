using SecureOta.Device.Core.Envelopes;
using SecureOta.Device.Core.Trust;

namespace SecureOta.Build.Verification;

/// <summary>
/// Step 2 of <see cref="SiteVerifier"/>: every <c>channels/*.json</c> through the device core's
/// <see cref="ChannelManifestVerifier"/> (C1-C10) and its release's approval through
/// <see cref="ReleaseApprovalVerifier"/> (P1-P6), as a new device on that channel sees them: the channel
/// is the file name, no sequence accepted yet (0), installed security version 0, the build's now.
/// </summary>
internal static class ChannelCheck
{
    /// <summary>A manifest that passed C1-C9, with the release-role keys whose signatures verified.</summary>
    public sealed record Verified(string File, ChannelManifest Manifest, IReadOnlyList<string> SignerKeyIds);

    public static IReadOnlyList<Verified> Run(SiteFiles files, ProblemLog problems, TrustedRoot root, long now, IReadOnlyCollection<string> expectedChannels)
    {
        var verified = new List<Verified>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in files.FileNamesIn(OtaPaths.ChannelsFolder))
        {
            // Other files in channels/ are left to the inventory, which reports them as unlisted.
            if (!name.EndsWith(OtaPaths.JsonExtension, StringComparison.Ordinal)) continue;
            var channel = name[..^OtaPaths.JsonExtension.Length];
            present.Add(channel);
            var path = OtaPaths.ChannelsFolder + name;
            var envelope = files.Read(path, "it is a channel manifest");
            if (envelope is null) continue;

            if (!ChannelManifestVerifier.TryVerify(envelope, root, channel, 0, 0, now, out VerifiedManifest result, out VerificationFailure failure))
            {
                problems.Add(path, failure);
            }
            else if (result.Outcome != ManifestOutcome.NewRelease)
            {
                problems.Add(path, "C7", "sequence 0 is never new to a device (it starts from 0), so no device would act on this manifest; " +
                    "the build sets the sequence to the Unix time it signs at.");
            }
            else if (!ReleaseApprovalVerifier.TryVerify(root, result.Manifest.Release, out _, out VerificationFailure notApproved))
            {
                problems.Add(path, notApproved);
            }
            else
            {
                verified.Add(new Verified(path, result.Manifest, SignersOf(envelope, root.ReleaseRole)));
            }
        }

        foreach (var channel in expectedChannels.Where(c => !present.Contains(c)).Order(StringComparer.Ordinal))
        {
            problems.Add(OtaPaths.ChannelFile(channel), SiteSteps.MissingFile,
                $"missing: channel {channel} has releases, so devices following it poll this manifest.");
        }
        return verified;
    }

    /// <summary>
    /// The release-role key ids that each have a signature verifying over the envelope, for the summary:
    /// each key is tested as a one-key role with the device core's own threshold check.
    /// </summary>
    private static IReadOnlyList<string> SignersOf(byte[] envelope, SigningRole release)
    {
        if (!EnvelopeParser.TryParse(envelope, out SignedEnvelope signed, out _)) return [];
        var signers = new List<string>();
        for (int i = 0; i < release.KeyCount; i++)
        {
            var single = new SigningRole(release.Name, 1, [release.GetKeyId(i)], [release.GetPublicKey(i)]);
            if (SignatureThreshold.IsMet(signed, single)) signers.Add(release.GetKeyId(i));
        }
        return signers;
    }
}
