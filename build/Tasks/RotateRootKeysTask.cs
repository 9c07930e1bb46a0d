using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Build.Keys;

namespace SecureOta.Build.Tasks;

/// <summary>Offline ceremony: the next root version with root keys added, removed, or a new root threshold.</summary>
[TaskName("RotateRootKeys")]
[TaskDescription("Offline: signs the next root version with root keys added (--add-root-key=<file.pub or hex>) or removed (--remove-root-key=<key id>) or a new --root-threshold, signed by old and new root keys (--root-key=<file> or --root-key-env=<VAR>).")]
public sealed class RotateRootKeysTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        CeremonyArguments.RequireAny(context, "add-root-key", "remove-root-key", "root-threshold",
            "what changes: a root key to add, a root key id to remove, or a new root threshold");
        RootCeremony.Run(context, draft =>
            [
                .. RootChanges.AddKeys(context, draft, "add-root-key", RootRoleKind.Root),
                .. RootChanges.RemoveKeys(context, draft, "remove-root-key", RootRoleKind.Root),
                .. RootChanges.Threshold(context, draft, RootRoleKind.Root),
            ],
            "Hand each new root key to its holder on offline storage; destroy removed root keys once the new root is deployed.");
    }
}
