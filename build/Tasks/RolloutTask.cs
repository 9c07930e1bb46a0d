using SecureOta.Build.Context;
using SecureOta.Build.Fleet;
using SecureOta.Build.Frosting;

namespace SecureOta.Build.Tasks;

/// <summary>Sets a channel's staged rollout of its newest release in releases/channels.json, for review in a pull request.</summary>
[TaskName("Rollout")]
[TaskDescription("Offers a channel's newest release to a share of devices (--channel=<name> --percent=<0-100>): edits releases/channels.json for a pull request; takes effect on the next deploy.")]
[IsDependentOn(typeof(LoadReleasesTask))]
public sealed class RolloutTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var percent = RolloutCommand.Percent(context);
        RolloutCommand.Run(context, (channel, releases) => RolloutEditor.Rollout(channel, releases, percent));
    }
}
