using SecureOta.Build.Approvals;
using SecureOta.Build.Context;
using SecureOta.Build.Fleet;
using SecureOta.Build.Frosting;
using SecureOta.Build.Publishing;
using SecureOta.Build.Releases;

namespace SecureOta.Build.Tasks;

/// <summary>
/// Checks that every release a channel manifest will point at carries a valid approval
/// (<c>releases/&lt;version&gt;/approval.json</c>, docs/PROTOCOL.md section 6a): a threshold of the newest
/// root's approval keys over the release's product, version, security version, image size and digests,
/// verified as a device verifies it. A release without one is refused with the command that approves
/// it. A DEMO build approves such releases in memory with the DEMO approval key (never writing into
/// releases/), as it signs with DEMO release keys.
/// </summary>
[TaskName("CheckApprovals")]
[TaskDescription("Checks that every release a channel points at is approved by a threshold of the root's approval keys (releases/<version>/approval.json); DEMO builds approve in memory.")]
[IsDependentOn(typeof(EncryptTask))]
public sealed class CheckApprovalsTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var keys = context.Keys;
        var root = keys.Roots.Newest;
        var approvals = new Dictionary<Release, byte[]>();
        var problems = new List<BuildProblem>();
        var demoApproved = new List<string>();
        foreach (var release in Targets(context.Releases))
        {
            var encrypted = context.EncryptedReleases.Single(e => e.Release == release);
            var version = release.Version.ToString();
            var envelope = ApprovalFile.Read(release, context.Paths.Display);
            var problem = envelope is null
                ? "it has no approval.json"
                : ApprovalCheck.Problem(root, envelope, version, release.SecurityVersion, encrypted.Digests);
            if (problem is null)
            {
                approvals[release] = envelope!;
            }
            else if (keys.DemoApprover is { } demo)
            {
                var payload = ReleaseApprovalWriter.Write(keys.Product, version, release.SecurityVersion, encrypted.Digests);
                approvals[release] = EnvelopeSigner.Sign(PayloadTypes.Approval, payload, demo);
                demoApproved.Add(version);
            }
            else
            {
                problems.Add(new BuildProblem(context.Paths.Display(ApprovalFile.PathOf(release)), $"release {version}: {problem}"));
            }
        }

        if (problems.Count > 0)
        {
            throw new BuildException(BuildErrorCode.ReleaseNotApproved,
                $"{problems.Count} release(s) a channel would publish are not approved by root version {root.Version}'s approval keys.",
                "On a maintainer's machine, approve each with ./build.sh --target=Approve --release=<version> --approval-key=<file> " +
                "(or --approval-key-env=<VARIABLE>), once per approval key up to the threshold, and commit releases/<version>/approval.json.",
                problems);
        }

        if (demoApproved.Count > 0)
        {
            context.Log.Warning("DEMO approval of {0} with the DEMO approval key (in memory only): for demonstration, never for real devices.",
                string.Join(", ", demoApproved));
        }
        context.Approvals = approvals;
        context.Log.Information("Approved: {0}.", approvals.Count == 0 ? "no release is a channel's target"
            : string.Join(", ", approvals.Keys.Select(r => r.Version.ToString()).Distinct()));
    }

    /// <summary>Every release some channel's manifest will point at (the newest, or the one a halt pins).</summary>
    private static IEnumerable<Release> Targets(ReleaseSet releases) =>
        releases.Channels.Keys.Select(name => ChannelTargets.Plan(releases, name)?.Release).OfType<Release>().Distinct();
}
