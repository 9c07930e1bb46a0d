using SecureOta.Build.Context;
using SecureOta.Build.Fleet;
using SecureOta.Build.Frosting;

namespace SecureOta.Build.Tasks;

/// <summary>Records group membership: which registered devices hold a group's private key. Edits keys/recipients.json for review in a pull request.</summary>
[TaskName("AddToGroup")]
[TaskDescription("Records that registered devices hold a group's private key (--group=<group> --name=<device> repeated), in keys/recipients.json.")]
public sealed class AddToGroupTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context) =>
        RecipientCommand.Run(context, list => RecipientEditor.AddToGroup(list, RecipientCommand.Required(context, RecipientCommand.GroupArgument, "the group"), context.GetArguments(RecipientCommand.NameArgument)));
}
