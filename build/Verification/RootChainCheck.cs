using SecureOta.Device.Core.Trust;

namespace SecureOta.Build.Verification;

/// <summary>
/// Step 1 of <see cref="SiteVerifier"/>: the root chain as a device provisioned with root version 1
/// walks it. roots/1.json must be the provisioned root (S1); roots/2.json, 3, ... are fed to the device
/// core's <see cref="RootChainWalk"/> in updates of at most 32 versions each (as a device catches up
/// over several updates), R8 after each update; root.json must be the newest roots/&lt;N&gt;.json (S2).
/// </summary>
internal static class RootChainCheck
{
    /// <summary>What the walk found: the newest root that verified and how many roots/N.json run on from 1.</summary>
    public sealed record Outcome(TrustedRoot Newest, long PublishedVersions);

    public static Outcome Run(SiteFiles files, ProblemLog problems, byte[] provisionedEnvelope, long now)
    {
        if (!RootVerifier.TryLoadTrusted(provisionedEnvelope, out TrustedRoot provisioned, out VerificationFailure failure) || provisioned.Version != 1)
        {
            throw new ArgumentException(
                "The provisioned root is not a valid root version 1: " + (failure?.ToString() ?? "version " + provisioned.Version),
                nameof(provisionedEnvelope));
        }

        CheckProvisionedCopy(files, problems, provisionedEnvelope);
        var walk = new RootChainWalk(provisioned);
        bool broken = false;
        long version = 2;
        for (; files.Exists(OtaPaths.RootVersionFile(version)); version++)
        {
            var path = OtaPaths.RootVersionFile(version);
            var envelope = files.Read(path, "the root chain runs through every version");
            if (broken || envelope is null) continue;

            // A device accepts at most 32 new versions per update and checks expiry at the end of each.
            if (!walk.CanFetchMore && !TryFinishUpdate(ref walk, problems, now))
            {
                broken = true;
                continue;
            }
            if (!walk.TryAccept(envelope, out failure))
            {
                problems.Add(path, failure);
                broken = true;
            }
        }

        long published = version - 1;
        if (!broken && !walk.TryFinish(now, out _, out failure))
        {
            problems.Add(OtaPaths.RootVersionFile(walk.Newest.Version), failure);
        }
        CheckCurrentRoot(files, problems, published, provisionedEnvelope);
        return new Outcome(walk.Newest, published);
    }

    private static void CheckProvisionedCopy(SiteFiles files, ProblemLog problems, byte[] provisionedEnvelope)
    {
        var path = OtaPaths.RootVersionFile(1);
        var published = files.Read(path, "devices provisioned later, and tools, start the chain from it");
        if (published is not null && !published.AsSpan().SequenceEqual(provisionedEnvelope))
        {
            problems.Add(path, SiteSteps.ProvisionedRoot,
                "differs from the root version 1 devices are provisioned with (keys/root/1.json, or the DEMO root); " +
                "the site must publish exactly that envelope. Devices never read it, so this is checked byte for byte.");
        }
    }

    private static bool TryFinishUpdate(ref RootChainWalk walk, ProblemLog problems, long now)
    {
        if (!walk.TryFinish(now, out TrustedRoot newest, out VerificationFailure failure))
        {
            problems.Add(OtaPaths.RootVersionFile(walk.Newest.Version), failure);
            return false;
        }
        walk = new RootChainWalk(newest);
        return true;
    }

    private static void CheckCurrentRoot(SiteFiles files, ProblemLog problems, long published, byte[] provisionedEnvelope)
    {
        var current = files.Read(OtaPaths.RootFile, "it is the newest root metadata");
        if (current is null) return;
        var newestPath = OtaPaths.RootVersionFile(published);
        var newest = published == 1 ? provisionedEnvelope : files.Read(newestPath, "the root chain runs through every version");
        if (newest is not null && !current.AsSpan().SequenceEqual(newest))
        {
            problems.Add(OtaPaths.RootFile, SiteSteps.CurrentRoot,
                $"differs from {OtaPaths.OtaBase}{newestPath}, the newest root version; root.json must be a copy of it.");
        }
    }
}
