using SecureOta.Build.Context;
using SecureOta.Build.Fleet;
using SecureOta.Build.Frosting;

namespace SecureOta.Build.Tasks;

/// <summary>Removes group membership; the group key must then be rotated. Edits keys/recipients.json for review in a pull request.</summary>
[TaskName("RemoveFromGroup")]
[TaskDescription("Removes devices from a group in keys/recipients.json (--group=<group> --name=<device> repeated); warns that the group key must be rotated.")]
public sealed class RemoveFromGroupTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context) =>
        RecipientCommand.Run(context, list => RecipientEditor.RemoveFromGroup(list, RecipientCommand.Required(context, RecipientCommand.GroupArgument, "the group"), context.GetArguments(RecipientCommand.NameArgument)));
}
