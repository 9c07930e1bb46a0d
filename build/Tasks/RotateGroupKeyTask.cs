using SecureOta.Build.Context;
using SecureOta.Build.Fleet;
using SecureOta.Build.Frosting;

namespace SecureOta.Build.Tasks;

/// <summary>Replaces a group's or fleet's public key, so devices that only hold the old key stop decrypting later releases. Edits keys/recipients.json.</summary>
[TaskName("RotateGroupKey")]
[TaskDescription("Replaces a group's or fleet's public key in keys/recipients.json (--name=<group> --key=<new 64 hex or file.pub>): later releases are wrapped for the new key only.")]
public sealed class RotateGroupKeyTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var group = RecipientCommand.Required(context, RecipientCommand.NameArgument, "the group or fleet key to rotate");
        var key = RecipientCommand.PublicKey(context);
        RecipientCommand.Run(context, list => RecipientEditor.RotateGroupKey(list, group, key));
    }
}
