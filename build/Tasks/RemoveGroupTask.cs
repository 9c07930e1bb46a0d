using SecureOta.Build.Context;
using SecureOta.Build.Fleet;
using SecureOta.Build.Frosting;

namespace SecureOta.Build.Tasks;

/// <summary>Removes a group or fleet key and its memberships. Edits keys/recipients.json for review in a pull request.</summary>
[TaskName("RemoveGroup")]
[TaskDescription("Removes a group or fleet key from keys/recipients.json (--name=<name>) and every membership in it.")]
public sealed class RemoveGroupTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context) =>
        RecipientCommand.Run(context, list => RecipientEditor.Remove(list, RecipientCommand.Required(context, RecipientCommand.NameArgument, "the group or fleet key to remove"), device: false));
}
