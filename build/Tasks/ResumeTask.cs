using SecureOta.Build.Context;
using SecureOta.Build.Fleet;
using SecureOta.Build.Frosting;

namespace SecureOta.Build.Tasks;

/// <summary>Lifts a pause or a halt of a channel's rollout in releases/channels.json.</summary>
[TaskName("Resume")]
[TaskDescription("Lifts a pause or halt of a channel's rollout (--channel=<name>): the newest release goes back to its percent. Edits releases/channels.json.")]
[IsDependentOn(typeof(LoadReleasesTask))]
public sealed class ResumeTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context) => RolloutCommand.Run(context, RolloutEditor.Resume);
}
