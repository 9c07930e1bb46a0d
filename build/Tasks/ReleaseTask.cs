using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Build.Site;

namespace SecureOta.Build.Tasks;

/// <summary>
/// The CI target: the same pipeline as Default, but LoadKeys refuses DEMO keys for it
/// (<see cref="BuildContext.RequiresReleaseKey"/>), so a missing secret fails the deploy instead of
/// publishing a site no device trusts.
/// </summary>
[TaskName("Release")]
[TaskDescription("Builds the site with the real release keys (SECUREOTA_RELEASE_KEY or --release-key); refuses DEMO keys.")]
// WriteSite first: Verify checks the site this run wrote (on its own, Verify only reads a site).
[IsDependentOn(typeof(WriteSiteTask))]
[IsDependentOn(typeof(VerifyTask))]
public sealed class ReleaseTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context) => SiteSummary.Print(context);
}
