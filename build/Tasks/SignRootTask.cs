using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Build.Keys;

namespace SecureOta.Build.Tasks;

/// <summary>
/// Offline: writes the next root version with any of the changes the named ceremonies make, signed by
/// the root keys given (<see cref="RootCeremony"/>). The named targets (AddReleaseKey,
/// RevokeReleaseKey, RotateRootKeys, ChangePinnedCAs) are the same procedure with fewer options.
/// </summary>
[TaskName("SignRoot")]
[TaskDescription("Offline: signs the next root version (--root-key=<file> or --root-key-env=<VAR>, repeated; changes: --add-root-key, --remove-root-key, --root-threshold, --add-approval-key, --remove-approval-key, --approval-threshold, --add-release-key, --remove-release-key, --release-threshold, --tls-anchors=<dir>, --collector-url=<https://…/>, --collector-key=<X25519 .pub>, --collector-anchors=<dir>, --remove-collector, --expires-days).")]
public sealed class SignRootTask : FrostingTask<BuildContext>
{
    /// <summary>Every option that changes the next root; --expires-days alone re-signs it with a new expiry.</summary>
    public static readonly string[] ChangeOptions =
    [
        "add-root-key", "remove-root-key", "root-threshold", "add-approval-key", "remove-approval-key", "approval-threshold",
        "add-release-key", "remove-release-key", "release-threshold", "tls-anchors",
        RootCeremony.ExpiresDaysArgument, .. CollectorChange.Options,
    ];

    public override void Run(BuildContext context)
    {
        // Without a change the ceremony would still sign a new root, silently with the default expiry,
        // which can be shorter than the current root's: ask for the change, or for the expiry explicitly.
        CeremonyArguments.RequireAny(context,
            [.. ChangeOptions, "a change to sign into the next root (--expires-days alone re-signs it with a new expiry)"]);
        RootCeremony.Run(context, draft =>
        [
            .. RootChanges.AddKeys(context, draft, "add-root-key", RootRoleKind.Root),
            .. RootChanges.AddKeys(context, draft, "add-approval-key", RootRoleKind.Approval),
            .. RootChanges.AddKeys(context, draft, "add-release-key", RootRoleKind.Release),
            .. RootChanges.RemoveKeys(context, draft, "remove-root-key", RootRoleKind.Root),
            .. RootChanges.RemoveKeys(context, draft, "remove-approval-key", RootRoleKind.Approval),
            .. RootChanges.RemoveKeys(context, draft, "remove-release-key", RootRoleKind.Release),
            .. RootChanges.Threshold(context, draft, RootRoleKind.Root),
            .. RootChanges.Threshold(context, draft, RootRoleKind.Approval),
            .. RootChanges.Threshold(context, draft, RootRoleKind.Release),
            .. RootChanges.Anchors(context, draft, defaultFolder: null),
            .. CollectorChange.Apply(context, draft),
        ],
        "A new release key must be in the CI secret SECUREOTA_RELEASE_KEY when this root is deployed.");
    }
}
