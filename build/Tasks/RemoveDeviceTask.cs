using SecureOta.Build.Context;
using SecureOta.Build.Fleet;
using SecureOta.Build.Frosting;

namespace SecureOta.Build.Tasks;

/// <summary>Removes a device; later releases get no wrapped key for it. Edits keys/recipients.json for review in a pull request.</summary>
[TaskName("RemoveDevice")]
[TaskDescription("Removes a device from keys/recipients.json (--name=<name>): later releases are no longer wrapped for it; warns which group or fleet keys it still holds.")]
public sealed class RemoveDeviceTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context) =>
        RecipientCommand.Run(context, list => RecipientEditor.Remove(list, RecipientCommand.Required(context, RecipientCommand.NameArgument, "the device to remove"), device: true));
}
