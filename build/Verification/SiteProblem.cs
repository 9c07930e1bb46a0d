using SecureOta.Build.Frosting;

namespace SecureOta.Build.Verification;

/// <summary>
/// One thing wrong with a written site: the file (relative to the site folder, forward slashes, e.g.
/// <c>ota/v2/blobs/3f…</c>), the check that found it (a device step of docs/PROTOCOL.md section 9 such
/// as <c>C4</c> or <c>A2 record 3</c>, or a site step of <see cref="SiteSteps"/>), and why.
/// </summary>
public sealed record SiteProblem(string File, string Step, string Reason)
{
    public override string ToString() => $"{File}: {Step}: {Reason}";

    /// <summary>The same problem as one detail line of a <see cref="BuildException"/>.</summary>
    public BuildProblem ToBuildProblem() => new(File, $"{Step}: {Reason}");
}
