using SecureOta.Build.Context;
using SecureOta.Build.Fleet;
using SecureOta.Build.Frosting;

namespace SecureOta.Build.Tasks;

/// <summary>Withdraws a channel's newest release and pins an earlier one as the channel's target, in releases/channels.json.</summary>
[TaskName("Halt")]
[TaskDescription("Withdraws a channel's newest release (--channel=<name>, --release=<earlier version> to pin, default the previous one): every device is offered the pinned release. Edits releases/channels.json.")]
[IsDependentOn(typeof(LoadReleasesTask))]
public sealed class HaltTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var pinTo = RolloutCommand.Release(context);
        RolloutCommand.Run(context, (channel, releases) => RolloutEditor.Halt(channel, releases, pinTo));
    }
}
