using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Build.Site;

namespace SecureOta.Build.Tasks;

/// <summary>
/// What <c>./build.sh</c> runs: the whole pipeline from releases/ to site/. Without a release key it
/// uses DEMO keys (made on demand in .demo-keys/); the Release target refuses those.
/// </summary>
[TaskName("Default")]
[TaskDescription("Builds the site from releases/ (DEMO keys when no release key is given).")]
// WriteSite first: Verify checks the site this run wrote (on its own, Verify only reads a site).
[IsDependentOn(typeof(WriteSiteTask))]
[IsDependentOn(typeof(VerifyTask))]
public sealed class DefaultTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context) => SiteSummary.Print(context);
}
