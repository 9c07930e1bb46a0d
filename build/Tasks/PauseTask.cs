using SecureOta.Build.Context;
using SecureOta.Build.Fleet;
using SecureOta.Build.Frosting;

namespace SecureOta.Build.Tasks;

/// <summary>Pauses a channel's rollout (publishes 0 %, keeps the percent for Resume) in releases/channels.json.</summary>
[TaskName("Pause")]
[TaskDescription("Pauses a channel's rollout (--channel=<name>): no further device starts the newest release; devices that installed it keep it. Edits releases/channels.json.")]
[IsDependentOn(typeof(LoadReleasesTask))]
public sealed class PauseTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context) => RolloutCommand.Run(context, RolloutEditor.Pause);
}
