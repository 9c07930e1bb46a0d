using System.Security.Cryptography;
using SecureOta.Device.Core.Keys;
using SecureOta.Device.Core.Trust;
using SecureOta.Device.Host;

namespace SecureOta.Build.Verification;

/// <summary>
/// Verifies a whole written site exactly as devices would, with the device core's own code (host
/// seams for AES and HMAC), so that what the build checks is what devices run. Nothing here repeats a
/// device check; it feeds the site's files to the core and adds the checks only a publisher can make.
/// Problems are collected across files so one run reports them all; inside one artifact the first bad
/// record ends that artifact, as on a device.
/// <list type="number">
/// <item>Root chain (<see cref="RootChainCheck"/>): roots/1.json is the provisioned root (S1); roots/2.json,
/// 3, ... verified with <see cref="RootChainWalk"/> (R1-R7, RW), R8 at the end; root.json equals the newest
/// roots/&lt;N&gt;.json (S2). Later steps use the newest root that verified.</item>
/// <item>Every channels/&lt;channel&gt;.json with <see cref="ChannelManifestVerifier"/> (C1-C9), channel = file
/// name, highest sequence 0, installed security version 0 (<see cref="ChannelCheck"/>). Channels that have
/// releases must have a manifest (S3).</item>
/// <item>Once per release a verified manifest names: its wrapped keys, unwrapped with
/// <see cref="KeyUnwrapper"/> (K1-K4) for each recipient private key given, checked for form (K1) for the
/// other registered recipients (<see cref="WrappedKeyCheck"/>); then its full artifact, streamed through
/// <see cref="Device.Core.Artifacts.RecordChainReader"/> (A1-A5) with the unwrapped content key, or the
/// build's own key when none unwrapped (S7 checks it against keyCheck; S6 when there is no key at all),
/// and its SHA-256 must be its name (S4) (<see cref="ArtifactCheck"/>).</item>
/// <item>Inventory (<see cref="SiteInventory"/>). A file under ota/v2/ is accounted for when it is
/// <c>root.json</c>; <c>roots/&lt;N&gt;.json</c> with roots/1.json to roots/&lt;N&gt;.json all present;
/// <c>channels/&lt;name&gt;.json</c> (each is verified in step 2); <c>blobs/&lt;sha256&gt;</c> of a full
/// artifact or delta patch a verified manifest names; or <c>keys/&lt;v&gt;/&lt;id&gt;</c> of a release v a verified manifest
/// names, for a given or registered recipient (a file for an unregistered id is S5 when the registered ids
/// are given, so a removed recipient keeps no access; otherwise it is checked for form). Older releases'
/// files are allowed, checked for form: <c>blobs/&lt;64 hex&gt;</c> no manifest names (kept for devices
/// still reading an older manifest during a deploy, and artifacts of kinds this core skips) must have their
/// SHA-256 as name (S4); <c>keys/&lt;SemVer&gt;/&lt;64 hex&gt;</c> of a version no
/// manifest names go through K1-K4 against the keyCheck of the build's own content key when both it and the
/// recipient's private key are given, and are checked for form (K1) otherwise. Anything else under ota/v2/ (other names, deeper
/// folders, hidden files, symbolic links) is an unlisted file (S5). Files outside ota/v2/ (index.html,
/// .nojekyll) are for people and Pages, and are not checked.</item>
/// </list>
/// </summary>
public static class SiteVerifier
{
    public static SiteVerificationReport Verify(SiteVerifierInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentException.ThrowIfNullOrWhiteSpace(inputs.SiteDir);
        ArgumentNullException.ThrowIfNull(inputs.ProvisionedRoot);

        var problems = new ProblemLog();
        var files = new SiteFiles(inputs.SiteDir, problems);
        long now = inputs.Now.ToUnixTimeSeconds();

        var roots = RootChainCheck.Run(files, problems, inputs.ProvisionedRoot, now);
        var manifests = ChannelCheck.Run(files, problems, roots.Newest, now, inputs.ExpectedChannels);

        using var aes = new DotNetAes128();
        var hmac = new DotNetHmacSha256();
        var tally = new WrappedKeyTally();
        var keys = new WrappedKeyCheck(files, problems, inputs, new KeyUnwrapper(hmac, aes), tally);
        var artifacts = new ArtifactCheck(files, problems, hmac, aes);
        var deltas = new DeltaCheck(artifacts, problems, inputs.BaseImages);

        var checkedReleases = new Dictionary<string, WrappedKeyCheck.Result>(StringComparer.Ordinal);
        var verifiedArtifacts = new Dictionary<string, bool>(StringComparer.Ordinal);
        var verifiedDeltas = new Dictionary<string, bool>(StringComparer.Ordinal);
        // Manifests naming the same release share its key and full artifact check; each lists its own patches.
        foreach (var group in manifests.GroupBy(m => Identity(m.Manifest.Release), StringComparer.Ordinal))
        {
            var release = group.First().Manifest.Release;
            var key = keys.Run(release, group.First().File);
            try
            {
                verifiedArtifacts[group.Key] = artifacts.Run(release.FullArtifact, release.ImageDigest, key.ContentKey);
                foreach (var manifest in group) CheckDeltas(deltas, manifest.Manifest.Release, group.Key, key.ContentKey, verifiedDeltas);
            }
            finally
            {
                if (key.ContentKey is not null) CryptographicOperations.ZeroMemory(key.ContentKey);
            }
            checkedReleases[group.Key] = key;
        }

        var channels = new List<VerifiedChannel>();
        foreach (var manifest in manifests)
        {
            var release = manifest.Manifest.Release;
            var identity = Identity(release);
            var key = checkedReleases[identity];
            int deltasVerified = Enumerable.Range(0, release.DeltaCount).Count(i => verifiedDeltas[DeltaIdentity(identity, release.GetDelta(i))]);
            channels.Add(new VerifiedChannel(OtaPaths.OtaBase + manifest.File, manifest.Manifest, manifest.SignerKeyIds,
                key.Origin, key.Recipient, verifiedArtifacts[identity], deltasVerified));
        }

        var inventory = SiteInventory.Run(files, problems, keys);
        return new SiteVerificationReport(problems.Problems, roots.Newest.Version, roots.Newest.Expires, roots.PublishedVersions,
            channels, tally, inventory.FilesChecked, inventory.OlderBlobs, inventory.OlderKeyFiles);
    }

    /// <summary>Each delta patch of <paramref name="release"/> not checked yet: its record chain, then the image it rebuilds (S8).</summary>
    private static void CheckDeltas(DeltaCheck deltas, ReleaseTarget release, string identity, byte[]? contentKey, Dictionary<string, bool> verified)
    {
        for (int i = 0; i < release.DeltaCount; i++)
        {
            var delta = release.GetDelta(i);
            var key = DeltaIdentity(identity, delta);
            if (!verified.ContainsKey(key)) verified[key] = deltas.Run(delta, release, contentKey);
        }
    }

    private static string DeltaIdentity(string release, ManifestArtifact delta) =>
        string.Join('|', release, delta.Path, Convert.ToHexStringLower(delta.Head), Convert.ToHexStringLower(delta.Iv), delta.PlainSize,
            Convert.ToHexStringLower(delta.BaseDigest));

    /// <summary>
    /// Two manifests naming the same release (stable and beta on 1.2.0) share its checks; any signed
    /// value that differs makes it another release to check.
    /// </summary>
    private static string Identity(ReleaseTarget release)
    {
        var artifact = release.FullArtifact;
        return string.Join('|', release.Version, release.KeysPath, Convert.ToHexStringLower(release.KeyCheck),
            Convert.ToHexStringLower(release.ImageDigest), artifact.Path, Convert.ToHexStringLower(artifact.Head),
            Convert.ToHexStringLower(artifact.Iv), artifact.PlainSize);
    }
}
