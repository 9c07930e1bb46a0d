using SecureOta.Build.Frosting;

namespace SecureOta.Build.Verification;

/// <summary>The result of <see cref="SiteVerifier.Verify"/>: every problem found, and what verified, for the summary.</summary>
public sealed class SiteVerificationReport
{
    internal SiteVerificationReport(IReadOnlyList<SiteProblem> problems, long rootVersion, long rootExpires, long publishedRootVersions,
        IReadOnlyList<VerifiedChannel> channels, WrappedKeyTally keys, int filesChecked, int olderBlobs, int olderKeyFiles)
    {
        Problems = problems;
        RootVersion = rootVersion;
        RootExpires = rootExpires;
        PublishedRootVersions = publishedRootVersions;
        Channels = channels;
        Keys = keys;
        FilesChecked = filesChecked;
        OlderBlobs = olderBlobs;
        OlderKeyFiles = olderKeyFiles;
    }

    /// <summary>Every problem found, in the order found; empty when the site verified.</summary>
    public IReadOnlyList<SiteProblem> Problems { get; }

    public bool Succeeded => Problems.Count == 0;

    /// <summary>The newest root version that verified (1: only the provisioned root).</summary>
    public long RootVersion { get; }

    /// <summary>Its expiry, Unix seconds.</summary>
    public long RootExpires { get; }

    /// <summary>How many roots/&lt;N&gt;.json the site publishes, 1 to N without gaps.</summary>
    public long PublishedRootVersions { get; }

    /// <summary>The channels whose manifests verified, by name.</summary>
    public IReadOnlyList<VerifiedChannel> Channels { get; }

    /// <summary>How the wrapped key files were checked.</summary>
    public WrappedKeyTally Keys { get; }

    /// <summary>Files (and links) found under ota/v2/.</summary>
    public int FilesChecked { get; }

    /// <summary>Blobs of releases no manifest names, allowed after their SHA-256 matched their name.</summary>
    public int OlderBlobs { get; }

    /// <summary>Wrapped key files of releases no manifest names, allowed after their form check.</summary>
    public int OlderKeyFiles { get; }

    /// <summary>One exception listing every problem; <paramref name="siteDisplay"/> names the site folder.</summary>
    public BuildException ToException(string siteDisplay)
    {
        if (Succeeded) throw new InvalidOperationException("the site verified; there is nothing to report");
        return new BuildException(
            BuildErrorCode.VerificationFailed,
            $"The site in {siteDisplay} fails verification as a device would run it ({Problems.Count} problem{(Problems.Count == 1 ? "" : "s")}).",
            "Do not deploy it. Rebuild the site from a clean state; if the problem persists the build wrote something devices refuse, " +
            "which is a defect to report with this output (steps: PROTOCOL.md section 9; S1-S7: SiteSteps).",
            Problems.Select(p => p.ToBuildProblem()).ToList());
    }

    /// <summary>Throws <see cref="ToException"/> when any problem was found.</summary>
    public void ThrowIfFailed(string siteDisplay)
    {
        if (!Succeeded) throw ToException(siteDisplay);
    }
}
