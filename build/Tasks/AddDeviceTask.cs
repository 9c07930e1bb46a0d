using SecureOta.Build.Context;
using SecureOta.Build.Fleet;
using SecureOta.Build.Frosting;

namespace SecureOta.Build.Tasks;

/// <summary>Registers a device; releases built after the change are wrapped for it. Edits keys/recipients.json for review in a pull request.</summary>
[TaskName("AddDevice")]
[TaskDescription("Registers a device's X25519 public key in keys/recipients.json (--name=<name> --key=<64 hex or file.pub>, --group=<group> repeated for the groups whose key it holds).")]
public sealed class AddDeviceTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var name = RecipientCommand.NewName(context);
        var key = RecipientCommand.PublicKey(context);
        var groups = context.GetArguments(RecipientCommand.GroupArgument);
        RecipientCommand.Run(context, list => RecipientEditor.AddDevice(list, name, key, groups));
    }
}
