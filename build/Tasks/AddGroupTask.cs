using SecureOta.Build.Context;
using SecureOta.Build.Fleet;
using SecureOta.Build.Frosting;
using SecureOta.Build.Keys;

namespace SecureOta.Build.Tasks;

/// <summary>Registers a group or fleet key, whose private key member devices hold. Edits keys/recipients.json for review in a pull request.</summary>
[TaskName("AddGroup")]
[TaskDescription("Registers a group's X25519 public key in keys/recipients.json (--name=<name> --key=<64 hex or file.pub>; --kind=fleet for a key every device holds).")]
public sealed class AddGroupTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var name = RecipientCommand.NewName(context);
        var key = RecipientCommand.PublicKey(context);
        var kind = Kind(context);
        RecipientCommand.Run(context, list => RecipientEditor.AddGroup(list, name, key, kind));
    }

    private static RecipientKind Kind(BuildContext context) => (context.GetArgument("kind") ?? "group") switch
    {
        "group" => RecipientKind.Group,
        "fleet" => RecipientKind.Fleet,
        var other => throw new BuildException(BuildErrorCode.InvalidArgument, $"--kind={other} is not a group kind.",
            "Use --kind=group (a key some devices hold) or --kind=fleet (a key every device holds); register devices with AddDevice."),
    };
}
