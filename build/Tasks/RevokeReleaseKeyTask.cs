using SecureOta.Build.Context;
using SecureOta.Build.Frosting;
using SecureOta.Build.Keys;

namespace SecureOta.Build.Tasks;

/// <summary>
/// Offline ceremony: the next root version without a release key (leaked, or its holder gone). Devices
/// that walked to it refuse every manifest that key signs; the build refuses to sign with it.
/// </summary>
[TaskName("RevokeReleaseKey")]
[TaskDescription("Offline: signs the next root version removing a release key (--key-id=<64 hex>, repeatable; optional --key=<file.pub> to add its replacement, --release-threshold) with root keys (--root-key=<file> or --root-key-env=<VAR>).")]
public sealed class RevokeReleaseKeyTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        CeremonyArguments.RequireAny(context, "key-id", "the key id of the release key to revoke (the dashboard and the build log list them)");
        RootCeremony.Run(context, draft =>
            [
                .. RootChanges.AddKeys(context, draft, "key", RootRoleKind.Release),
                .. RootChanges.RemoveKeys(context, draft, "key-id", RootRoleKind.Release),
                .. RootChanges.Threshold(context, draft, RootRoleKind.Release),
            ],
            "Replace the SECUREOTA_RELEASE_KEY secret with a key the new root lists before the deploy: the build refuses to sign with a revoked key, " +
            "and devices that have walked to the new root refuse what it signed.");
    }
}
