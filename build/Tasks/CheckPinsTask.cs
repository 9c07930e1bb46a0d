using SecureOta.Build.Context;
using SecureOta.Build.Fleet;
using SecureOta.Build.Frosting;
using SecureOta.Build.Keys;
using SecureOta.Build.Releases;

namespace SecureOta.Build.Tasks;

/// <summary>
/// Monitoring: checks a live site's TLS chain against the CA set pinned by the current root (keys/root
/// newest, or the DEMO root), then verifies its root chain and channel manifests as devices do, and
/// warns when one expires within --warn-days. The scheduled refresh workflow runs it against the
/// Pages URL, so a CA change or a stalled re-sign fails a workflow before it strands devices.
/// </summary>
[TaskName("CheckPins")]
[TaskDescription("Checks a live site (--url=https://...) against the pinned CA set of the current root and verifies its roots and channel manifests as devices do; warns within --warn-days (default 3) of a manifest's expiry and --cert-warn-days (default 30) of a certificate's or root's.")]
[IsDependentOn(typeof(LoadReleasesTask))]
public sealed class CheckPinsTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var url = SiteUrl(context);
        int warnDays = CeremonyArguments.Integer(context, "warn-days", 3, 0, 365);
        int certificateWarnDays = CeremonyArguments.Integer(context, "cert-warn-days", 30, 0, 3650);
        var channels = context.GetArguments("channel") is { Count: > 0 } given
            ? given
            : context.Releases.ByChannel.Where(c => !c.Value.IsEmpty).Select(c => c.Key).ToList();
        foreach (var channel in channels.Where(c => !ReleaseLimits.IsValidChannelName(c)))
        {
            throw new BuildException(BuildErrorCode.InvalidArgument, $"--channel={channel} is not a channel name.",
                "Give a channel declared in releases/channels.json (1 to 32 of a-z, 0-9 and '-'), or leave out --channel to check every channel with a release.");
        }

        var pins = PinSource.Load(context);
        context.Log.Information("Checking {0} against the {1} CA(s) pinned by {2}; channels: {3}.", url, pins.Anchors.Count, pins.Description,
            channels.Count == 0 ? "none" : string.Join(", ", channels));

        var result = new PinMonitor(context.Log).Run(url, pins, channels, context.Now, warnDays, certificateWarnDays);
        var table = SummaryTable.Create("Check", "Status", "Detail");
        foreach (var finding in result.Findings) table.Row(finding.Subject, Status(finding.Status), finding.Detail);
        context.Log.Information(SummaryTable.Render(table));
        context.Log.Verbose("TLS chain as built: {0}", string.Join(" <- ", result.Tls.Path));

        bool annotate = context.Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true";
        foreach (var warning in result.Warnings)
        {
            context.Log.Warning(annotate ? "::warning title=CheckPins {0}::{1}" : "{0}: {1}", warning.Subject, warning.Detail);
        }

        var failures = result.Failures.ToList();
        if (failures.Count == 0)
        {
            context.Log.Information("{0} passes: devices with these pins reach it and accept what it serves.", url);
            return;
        }

        foreach (var failure in failures.Where(_ => annotate)) context.Log.Warning("::error title=CheckPins {0}::{1}", failure.Subject, failure.Detail);
        throw result.PinsHold
            ? new BuildException(BuildErrorCode.LiveSiteCheckFailed, $"{url} serves what devices refuse.",
                "Fix what each line names; an expired manifest needs a deploy (run the refresh workflow), a root problem a root ceremony.",
                failures.Select(f => new BuildProblem(f.Subject, f.Detail)).ToList())
            : new BuildException(BuildErrorCode.PinCheckFailed, $"{url}'s TLS chain is not accepted under the pinned CA set: devices cannot update from it.",
                "If the site moved to another CA, add that CA's root certificate to keys/tls-anchors/ (root CAs only, more than one provider) and run " +
                "./build.sh --target=ChangePinnedCAs offline; devices follow the new root once they can connect again, so pin before the site's chain changes where you can. " +
                $"The chain now reads: {string.Join(" <- ", result.Tls.Path)}.",
                failures.Select(f => new BuildProblem(f.Subject, f.Detail)).ToList());
    }

    private static Uri SiteUrl(BuildContext context)
    {
        var text = context.GetArgument("url");
        if (string.IsNullOrWhiteSpace(text) || !Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps
            || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
        {
            throw new BuildException(BuildErrorCode.InvalidArgument, text is null ? "--url is required: the site to check." : $"--url={text} is not an https URL of a site.",
                "Give the site's address, for example --url=https://<owner>.github.io/<repository>/ (the folder that holds index.html and ota/).");
        }

        return url.AbsolutePath.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
    }

    private static string Status(LiveSiteStatus status) => status switch
    {
        LiveSiteStatus.Ok => "ok",
        LiveSiteStatus.ExpiresSoon => "EXPIRES SOON",
        _ => "FAILED",
    };
}
